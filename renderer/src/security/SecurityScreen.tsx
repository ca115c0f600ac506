// Security: the clinic's settings (idle lock, backups kept, retention), the audit trail, backups
// and cases due for deletion. One panel per file, each loading what it shows.
import { useTranslation } from 'react-i18next';
import { AuditPanel } from './AuditPanel';
import { BackupsPanel } from './BackupsPanel';
import { RetentionPanel } from './RetentionPanel';
import { SettingsPanel } from './SettingsPanel';

interface Props {
  onVaultLocked: () => void;
  onOpenCase: (id: string) => void;
  /** After a restore the vault is another: the app starts over from its status. */
  onRestored: () => void;
}

export function SecurityScreen({ onVaultLocked, onOpenCase, onRestored }: Props) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="security-title">
      <h1 id="security-title">{t('security.title')}</h1>
      <SettingsPanel onVaultLocked={onVaultLocked} />
      <BackupsPanel onVaultLocked={onVaultLocked} onRestored={onRestored} />
      <AuditPanel onVaultLocked={onVaultLocked} />
      <RetentionPanel onVaultLocked={onVaultLocked} onOpenCase={onOpenCase} />
    </section>
  );
}
