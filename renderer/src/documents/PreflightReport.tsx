// What stands between the case and the document, shown while the lawyer chooses: the fields the
// template needs that the case lacks (by label, with the section that holds each and a button that
// goes there), citations of excerpts the library or the case does not have, and cited sources that
// are old or superseded. The first two stop generation; stale sources ask for "Generate anyway".
import { useTranslation } from 'react-i18next';
import type { DocumentFormat, Preflight, StaleCitation } from '../../../preload/contract';
import { formatPartialDate } from '../i18n/format';
import { useMaxAgeMonths } from '../evidence/useEvidenceSettings';
import { localeFor } from '../i18n';
import { goToSection, sectionForField } from './sections';

interface Props {
  report: Preflight;
  format: DocumentFormat;
  /** The template's own label of a required field in the UI's language (the report's is in the document's). */
  labelFor: (path: string) => string | null;
}

export function PreflightReport({ report, format, labelFor }: Props) {
  const { t } = useTranslation();
  const clear = report.missing.length === 0 && report.unknownCitations.length === 0 && report.stale.length === 0;
  return (
    <div className="preflight">
      {clear && (
        <p className="preflight__ok" role="status">
          {t('documents.preflight.ready')}
        </p>
      )}
      {report.missing.length > 0 && (
        <div className="preflight__group preflight__group--stop">
          <h4 id="preflight-missing">{t('documents.preflight.missingTitle', { count: report.missing.length })}</h4>
          <p className="muted">{t('documents.preflight.missingIntro')}</p>
          <ul aria-labelledby="preflight-missing">
            {report.missing.map((field) => (
              <MissingField key={field.path} path={field.path} label={labelFor(field.path) ?? field.label} />
            ))}
          </ul>
        </div>
      )}
      {report.unknownCitations.length > 0 && (
        <div className="preflight__group preflight__group--stop">
          <h4 id="preflight-unknown">{t('documents.preflight.unknownTitle', { count: report.unknownCitations.length })}</h4>
          <ul aria-labelledby="preflight-unknown">
            {report.unknownCitations.map((reference) => (
              <li key={reference}>
                {t('documents.preflight.unknownLine')} <code dir="ltr">[@{reference}]</code>
              </li>
            ))}
          </ul>
          <p className="muted">{t('documents.preflight.unknownHint')}</p>
        </div>
      )}
      {report.stale.length > 0 && <StaleList stale={report.stale} id="preflight-stale" />}
      {format === 'bundle' && <AnnexList annexes={report.annexes} />}
    </div>
  );
}

function MissingField({ path, label }: { path: string; label: string }) {
  const { t } = useTranslation();
  const section = sectionForField(path);
  const sectionTitle = section ? t(section.titleKey) : null;
  return (
    <li className="preflight__missing">
      <span dir="auto">{label}</span>
      {section && sectionTitle && (
        <>
          <span className="muted"> — {t('documents.preflight.inSection', { section: sectionTitle })}</span>{' '}
          <button type="button" className="button button--link" onClick={() => goToSection(section.id)}>
            {t('documents.preflight.goTo', { section: sectionTitle })}
            <span className="visually-hidden"> {t('documents.preflight.toFill', { field: label })}</span>
          </button>
        </>
      )}
    </li>
  );
}

/** Stale citations by source: two excerpts of one report are one line, with how many are cited. */
function staleSources(stale: readonly StaleCitation[]): { item: StaleCitation; excerpts: number }[] {
  const bySource = new Map<string, { item: StaleCitation; excerpts: number }>();
  for (const item of stale) {
    const key = JSON.stringify([item.publisher, item.sourceTitle, item.date]);
    const seen = bySource.get(key);
    if (seen) seen.excerpts += 1;
    else bySource.set(key, { item, excerpts: 1 });
  }
  return [...bySource.values()];
}

/** The stale sources, in the report and again in the "Generate anyway" question (`id` differs). */
export function StaleList({ stale, id }: { stale: StaleCitation[]; id: string }) {
  const { t } = useTranslation();
  const sources = staleSources(stale);
  return (
    <div className="preflight__group preflight__group--warn">
      <h4 id={id}>{t('documents.preflight.staleTitle', { count: sources.length })}</h4>
      <p className="muted">{t('documents.preflight.staleIntro')}</p>
      <ul aria-labelledby={id}>
        {sources.map(({ item, excerpts }) => (
          <StaleItem key={item.excerptId} item={item} excerpts={excerpts} />
        ))}
      </ul>
    </div>
  );
}

function StaleItem({ item, excerpts }: { item: StaleCitation; excerpts: number }) {
  const { t, i18n } = useTranslation();
  const maxAge = useMaxAgeMonths();
  const locale = localeFor(i18n.language);
  const newer = item.newerEdition;
  return (
    <li className="preflight__stale">
      <span>
        <cite dir="auto">{item.sourceTitle}</cite>
        <span className="muted" dir="auto">
          {' '}
          ({[item.publisher, item.date ? formatPartialDate(item.date, locale) : t('documents.preflight.undated')].filter(Boolean).join(', ')})
        </span>
        {excerpts > 1 && <span className="muted"> — {t('documents.preflight.excerptsCited', { count: excerpts })}</span>}
      </span>
      <ul className="preflight__reasons">
        {item.reasons.includes('old') && <li>{maxAge !== null ? t('evidence.currency.old', { months: maxAge }) : t('evidence.currency.oldUnknown')}</li>}
        {item.reasons.includes('superseded') && (
          <li>
            {newer ? (
              <>
                {t('evidence.currency.supersededBy')} <cite dir="auto">{newer.title}</cite>
                {newer.date && ` (${formatPartialDate(newer.date, locale)})`}
              </>
            ) : (
              t('evidence.currency.superseded')
            )}
          </li>
        )}
      </ul>
    </li>
  );
}

function AnnexList({ annexes }: { annexes: Preflight['annexes'] }) {
  const { t } = useTranslation();
  return (
    <div className="preflight__group">
      <h4 id="preflight-annexes">{t('documents.preflight.annexesTitle', { count: annexes.length })}</h4>
      {annexes.length === 0 ? (
        <p className="muted">{t('documents.preflight.noAnnexes')}</p>
      ) : (
        <ol aria-labelledby="preflight-annexes" className="preflight__annexes">
          {annexes.map((annex) => (
            <li key={annex.number} value={annex.number}>
              <span dir="auto">{annex.name}</span>
              <span className="muted">
                {' — '}
                {t(annex.kind === 'attachment' ? 'documents.preflight.annexAttachment' : 'documents.preflight.annexSource')}
                {annex.pages !== null && `, ${t('documents.preflight.annexPages', { count: annex.pages })}`}
              </span>
              {!annex.usable && <span className="preflight__unusable"> {t('documents.preflight.annexUnusable')}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
