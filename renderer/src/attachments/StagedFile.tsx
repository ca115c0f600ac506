// A file chosen but not yet in the vault: its document date and description, then "Add"; while
// uploading, a progress bar and "Cancel".
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidPartialDate } from '../../../preload/schemas/dates';
import type { ApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { formatPercent, formatSize } from '../i18n/format';

export interface Staged {
  key: number;
  file: File;
  documentDate: string;
  description: string;
  sent: number;
  state: 'ready' | 'uploading' | 'failed';
  controller?: AbortController | null;
  error?: ApiError | null;
}

interface Props {
  item: Staged;
  onChange: (patch: Partial<Staged>) => void;
  onUpload: () => void;
  onCancel: () => void;
  onDiscard: () => void;
}

export function StagedFile({ item, onChange, onUpload, onCancel, onDiscard }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const dateInvalid = item.documentDate.trim() !== '' && !isValidPartialDate(item.documentDate.trim());
  const uploading = item.state === 'uploading';
  const percent = item.file.size === 0 ? 100 : Math.round((item.sent / item.file.size) * 100);
  return (
    <li className="staged__item" aria-label={item.file.name}>
      <p className="staged__name">
        <span dir="auto">{item.file.name}</span> <span className="muted">{formatSize(item.file.size, i18n.language)}</span>
      </p>
      <div className="row">
        <div className={`field${dateInvalid ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-date`}>{t('attachments.documentDate')}</label>
          <input
            id={`${id}-date`}
            className="input"
            dir="ltr"
            value={item.documentDate}
            disabled={uploading}
            aria-invalid={dateInvalid || undefined}
            aria-describedby={`${id}-date-hint${dateInvalid ? ` ${id}-date-error` : ''}`}
            onChange={(event) => onChange({ documentDate: event.target.value })}
          />
          {dateInvalid && (
            <p className="field__error" id={`${id}-date-error`}>
              {t('validation.partialDate')}
            </p>
          )}
          <p className="field__hint" id={`${id}-date-hint`}>
            {t('intake.partialDateHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>{t('attachments.description')}</label>
          <input
            id={`${id}-description`}
            className="input"
            dir="auto"
            maxLength={300}
            value={item.description}
            disabled={uploading}
            onChange={(event) => onChange({ description: event.target.value })}
          />
        </div>
      </div>
      {uploading ? (
        <div className="upload-progress">
          <label htmlFor={`${id}-progress`}>{t('attachments.uploading', { name: item.file.name })}</label>
          <progress id={`${id}-progress`} max={100} value={percent}>
            {formatPercent(percent, i18n.language)}
          </progress>
          <span aria-hidden="true">{formatPercent(percent, i18n.language)}</span>
          <button type="button" className="button" onClick={onCancel}>
            {t('attachments.cancelUpload')}
          </button>
        </div>
      ) : (
        <div className="form__actions form__actions--start">
          <button type="button" className="button button--primary" disabled={dateInvalid} onClick={onUpload}>
            {t('attachments.add', { name: item.file.name })}
          </button>
          <button type="button" className="button button--quiet" onClick={onDiscard}>
            {t('attachments.discard')}
          </button>
        </div>
      )}
      {item.error && <ErrorAlert error={item.error} />}
    </li>
  );
}
