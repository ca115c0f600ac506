import { useTranslation } from 'react-i18next';

/** The vault file's location. Paths read left to right whatever the language. */
export function VaultPath({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <div className="vault-path">
      <span className="vault-path__label">{t('vault.file')}</span>
      <code className="vault-path__value" dir="ltr" title={path}>
        {path}
      </code>
    </div>
  );
}
