import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../preload/contract';

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${status}`}>{t(`caseStatus.${status}`)}</span>;
}
