// After "Apply": what the import did to each case, and the attachments added or already here.
import { useTranslation } from 'react-i18next';
import type { ImportOutcome, ImportPreview } from '../../../preload/contract';

interface Props {
  preview: ImportPreview;
  outcome: ImportOutcome;
  onOpenCase: (id: string) => void;
}

export function ImportSummary({ preview, outcome, onOpenCase }: Props) {
  const { t } = useTranslation();
  const named = new Map(preview.cases.map((item) => [item.caseId, item]));
  return (
    <div className="stack" role="status">
      <p>{t('exchange.import.summary', { name: preview.sender.clinic.profile.name })}</p>
      <ul className="import-outcome">
        {outcome.cases.map((item) => {
          const known = named.get(item.caseId);
          return (
            <li key={item.caseId}>
              <button type="button" className="button button--link" onClick={() => onOpenCase(item.caseId)}>
                {t('exchange.import.openCase', { reference: known?.reference ?? item.caseId })}
              </button>{' '}
              <span dir="auto">{known?.clientName}</span> — {t(`exchange.import.outcome.${item.action}`)}
            </li>
          );
        })}
      </ul>
      <p>{t('exchange.import.attachmentsOutcome', { count: outcome.attachments.added, known: outcome.attachments.known })}</p>
    </div>
  );
}
