// A labelled progress bar (a <progress> element, so assistive technology reads its value) with an
// optional Cancel. Indeterminate until the total is known.
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../i18n/format';

interface Props {
  label: string;
  done: number;
  total: number;
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
}

export function ProgressLine({ label, done, total, onCancel, cancelLabel }: Props) {
  const { t, i18n } = useTranslation();
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="upload-progress exchange-progress">
      <span>{label}</span>
      {percent === null ? <progress aria-label={label} /> : <progress aria-label={label} max={100} value={percent} />}
      {percent !== null && <span aria-hidden="true">{formatPercent(percent, i18n.language)}</span>}
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </button>
      )}
    </div>
  );
}
