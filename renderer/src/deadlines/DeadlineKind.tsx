// A deadline kind's label: the jurisdiction's own (reference data), else the catalogue's, else the id.
import { useTranslation } from 'react-i18next';
import { labelOf, useReference } from '../reference/useReference';

export function DeadlineKind({ kind }: { kind: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useReference();
  const known = data?.jurisdictions.flatMap((j) => j.deadlineKinds).find((k) => k.id === kind);
  return <span className="deadline__kind">{known ? labelOf(known.labels, i18n.language) : t(`deadlineKind.${kind}`, { defaultValue: kind })}</span>;
}
