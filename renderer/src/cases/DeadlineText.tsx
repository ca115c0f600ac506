import { useTranslation } from 'react-i18next';
import { DeadlineKind } from '../deadlines/DeadlineKind';
import { formatDay } from '../i18n/format';
import { localeFor } from '../i18n';

/** A deadline's date in the chosen language's format, with its kind (translated when known). */
export function DeadlineText({ deadline }: { deadline: { kind: string; dueOn: string } | null }) {
  const { t, i18n } = useTranslation();
  if (!deadline) return <span className="muted">{t('cases.noDeadline')}</span>;
  return (
    <span className="deadline">
      <time dateTime={deadline.dueOn}>{formatDay(deadline.dueOn, localeFor(i18n.language))}</time>
      <DeadlineKind kind={deadline.kind} />
    </span>
  );
}
