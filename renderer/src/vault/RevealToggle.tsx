import { useTranslation } from 'react-i18next';

/** "Show passphrase": long passphrases are easier to type correctly when they can be checked. */
export function RevealToggle({ id, checked, onChange }: { id: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{t('vault.showPassphrase')}</label>
    </div>
  );
}
