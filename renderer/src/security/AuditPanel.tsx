// The audit trail in the app: the newest entries a page at a time (who, when, what, which ids),
// a Verify button whose result is announced, and the whole log as a JSON or CSV download for the
// clinic's data-protection officer. The log holds no client content, so nothing here does either.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyResult } from '../../../preload/contract';
import { api, toApiError, type ApiError } from '../api/client';
import { downloadBlob } from '../app/download';
import { ErrorAlert } from '../app/ErrorAlert';
import { useApiLoad } from '../app/useApiLoad';
import { formatDateTime } from '../i18n/format';

const PAGE = 25;
const MEDIA_TYPES = { json: 'application/json', csv: 'text/csv' } as const;

export function AuditPanel({ onVaultLocked }: { onVaultLocked: () => void }) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const load = useCallback(() => api.audit.list({ limit: PAGE, offset }), [offset]);
  const { data, error, reload } = useApiLoad(load, onVaultLocked);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<AuditVerifyResult | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const failed = (caught: unknown) => {
    const failure = toApiError(caught);
    if (failure.code === 'VAULT_LOCKED') onVaultLocked();
    else setActionError(failure);
  };

  const verify = async () => {
    setVerifying(true);
    setVerified(null);
    setActionError(null);
    try {
      setVerified(await api.audit.verify());
      reload(); // the list shows what was verified
    } catch (caught) {
      failed(caught);
    } finally {
      setVerifying(false);
    }
  };

  const download = async (format: 'json' | 'csv') => {
    setActionError(null);
    setExported(null);
    try {
      const { name, text } = await api.audit.export({ format });
      downloadBlob([new Uint8Array(new TextEncoder().encode(text))], name, MEDIA_TYPES[format]);
      setExported(name);
      // The export is itself an entry: show it.
      if (offset === 0) reload();
      else setOffset(0);
    } catch (caught) {
      failed(caught);
    }
  };

  const total = data?.total ?? 0;
  return (
    <section className="card stack" aria-labelledby="audit-title" data-testid="audit-panel">
      <h2 id="audit-title" className="card__title">
        {t('audit.title')}
      </h2>
      <p className="muted">{t('audit.intro')}</p>
      <div className="form__actions form__actions--start">
        <button type="button" className="button button--primary" onClick={() => void verify()} disabled={verifying}>
          {verifying ? t('audit.verifying') : t('audit.verify')}
        </button>
        <button type="button" className="button" onClick={() => void download('json')}>
          {t('audit.exportJson')}
        </button>
        <button type="button" className="button" onClick={() => void download('csv')}>
          {t('audit.exportCsv')}
        </button>
      </div>
      <div aria-live="polite" data-testid="audit-status">
        {verified?.ok && (
          <p className="notice">
            {t('audit.verifyOk', { count: verified.entries, head: verified.headHash ?? '—' })} <span className="muted">{t('audit.headHint')}</span>
          </p>
        )}
        {exported && <p className="muted">{t('audit.exported', { name: exported })}</p>}
      </div>
      {verified && !verified.ok && (
        <div className="alert" role="alert">
          {t('audit.verifyBroken', { seq: verified.firstBadSeq })}
        </div>
      )}
      <ErrorAlert error={actionError ?? error} />
      {data && data.items.length === 0 && <p className="muted">{t('audit.none')}</p>}
      {data && data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.seq')}</th>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.method')}</th>
                  <th scope="col">{t('audit.ids')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((entry) => (
                  <tr key={entry.seq}>
                    <td>{entry.seq}</td>
                    <td>
                      <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language, true)}</time>
                    </td>
                    <td dir="auto">{entry.actor}</td>
                    <td>{t(`audit.actions.${entry.action}`)}</td>
                    <td>
                      <code dir="ltr" title={entry.fields.length > 0 ? entry.fields.join(', ') : undefined}>
                        {entry.method}
                      </code>
                      {entry.fields.length > 0 && <span className="muted"> · {t('audit.fieldsCount', { count: entry.fields.length })}</span>}
                    </td>
                    <td>
                      {entry.ids.length === 0
                        ? '—'
                        : entry.ids.map((id, index) => (
                            <span key={id}>
                              {index > 0 && ' '}
                              <code dir="ltr" title={id}>
                                {id.slice(0, 8)}
                              </code>
                            </span>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="row">
            <p className="page__meta">{t('audit.page', { from: offset + 1, to: offset + data.items.length, total })}</p>
            <button type="button" className="button button--quiet" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('audit.newer')}
            </button>
            <button type="button" className="button button--quiet" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              {t('audit.older')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
