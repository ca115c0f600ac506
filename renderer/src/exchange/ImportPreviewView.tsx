// What an import would do, before anything is written: who sent it (and whether the address book
// trusts them), the cases with what happens to each, how many attachments, sources, excerpts and
// documents come along, and every field changed on both sides with its choice.
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../preload/contract';
import { formatMoment } from '../i18n/format';
import { ConflictChoice } from './ConflictChoice';
import { Fingerprint } from './Fingerprint';

export type Resolutions = Record<string, 'mine' | 'theirs'>;
export const resolutionKey = (caseId: string, path: string) => `${caseId}\u0000${path}`;

interface Props {
  preview: ImportPreview;
  trustSender: boolean;
  onTrustSender: (trust: boolean) => void;
  resolutions: Resolutions;
  onResolve: (caseId: string, path: string, take: 'mine' | 'theirs') => void;
  idPrefix: string;
}

export function ImportPreviewView({ preview, trustSender, onTrustSender, resolutions, onResolve, idPrefix }: Props) {
  const { t, i18n } = useTranslation();
  const { sender } = preview;
  const senderState = sender.trusted ? 'trusted' : sender.revoked ? 'revoked' : 'unknown';
  const conflicted = preview.cases.filter((item) => item.conflicts.length > 0);

  return (
    <div className="stack import-preview">
      <section className="stack" aria-labelledby={`${idPrefix}-sender`}>
        <h3 id={`${idPrefix}-sender`}>{t('exchange.import.sender')}</h3>
        <dl className="exchange-facts">
          <dt>{t('exchange.partners.name')}</dt>
          <dd dir="auto">{sender.clinic.profile.name}</dd>
          <dt>{t('exchange.partners.fingerprint')}</dt>
          <dd>
            <Fingerprint value={sender.clinic.fingerprint} size="small" />
          </dd>
          <dt>{t('exchange.import.sentAt')}</dt>
          <dd>{formatMoment(preview.createdAt, i18n.language)}</dd>
        </dl>
        <p className={`sender-state sender-state--${senderState}`} role={senderState === 'trusted' ? 'status' : 'alert'}>
          {t(`exchange.import.senderState.${senderState}`, { name: sender.clinic.profile.name })}
        </p>
        {!sender.trusted && (
          <div className="checkbox">
            <input id={`${idPrefix}-trust`} type="checkbox" checked={trustSender} onChange={(event) => onTrustSender(event.target.checked)} />
            <label htmlFor={`${idPrefix}-trust`}>{t('exchange.import.trustSender')}</label>
          </div>
        )}
      </section>

      <section className="stack" aria-labelledby={`${idPrefix}-cases`}>
        <h3 id={`${idPrefix}-cases`}>{t('exchange.import.cases', { count: preview.cases.length })}</h3>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('exchange.import.cases', { count: preview.cases.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.reference')}</th>
                <th scope="col">{t('cases.client')}</th>
                <th scope="col">{t('exchange.import.action')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.cases.map((item) => (
                <tr key={item.caseId}>
                  <th scope="row">{item.reference}</th>
                  <td dir="auto">{item.clientName}</td>
                  <td>
                    <span className={`badge import-action import-action--${item.action}`}>
                      {t(`exchange.import.actions.${item.action}`, { count: item.conflicts.length })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul className="import-counts">
          <li>{t('exchange.import.attachments', { count: preview.attachments.add + preview.attachments.known, known: preview.attachments.known })}</li>
          <li>{t('exchange.import.evidence', { count: preview.evidence.excerpts, sources: preview.evidence.sources })}</li>
          <li>{t('exchange.import.documents', { count: preview.documents })}</li>
        </ul>
      </section>

      {conflicted.map((item) => (
        <section key={item.caseId} className="stack" aria-labelledby={`${idPrefix}-conflicts-${item.caseId}`}>
          <h3 id={`${idPrefix}-conflicts-${item.caseId}`}>{t('exchange.import.conflictsIn', { reference: item.reference, count: item.conflicts.length })}</h3>
          <p className="field__hint">{t('exchange.import.conflictsHint')}</p>
          {item.conflicts.map((conflict) => (
            <ConflictChoice
              key={conflict.path}
              conflict={conflict}
              take={resolutions[resolutionKey(item.caseId, conflict.path)]}
              onChoose={(take) => onResolve(item.caseId, conflict.path, take)}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
