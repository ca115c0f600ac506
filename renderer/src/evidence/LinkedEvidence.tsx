// The evidence selected for a risk factor (or for the case as a whole): linked excerpts with their
// stale markers and "Unlink"; for a present factor, the suggestions (ranked, stale marked) each
// with a one-key "Link"; and a search to link any other excerpt. A factor no longer marked present
// still shows what is linked to it (with "Unlink"), saying it is not cited while absent, so a
// selection never lingers out of sight.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { ExcerptItem } from './ExcerptItem';
import { ExcerptPicker } from './ExcerptPicker';
import { LinkButton } from './LinkButton';
import { useCaseEvidenceContext } from './useCaseEvidence';

interface Props {
  /** null: the case as a whole. */
  factorId: string | null;
  /** The factor's title, or the case's reference. */
  title: string;
  /** Whether the factor is marked present (suggestions are for present factors only). */
  present?: boolean;
}

export function LinkedEvidence({ factorId, title, present = false }: Props) {
  const { t } = useTranslation();
  const evidence = useCaseEvidenceContext();
  const id = useId();
  if (!evidence) return null;
  const linked = evidence.links.filter((item) => item.riskFactorId === factorId);
  const linkedIds = new Set(linked.map((item) => item.excerpt.id));
  const suggestions = factorId ? (evidence.suggestions.find((entry) => entry.factorId === factorId)?.items ?? []) : [];
  const open = suggestions.filter((item) => !item.linked && !linkedIds.has(item.excerpt.id));
  const dormant = factorId !== null && !present;
  if (dormant && linked.length === 0) return null;
  return (
    <fieldset className="subsection evidence-links" aria-describedby={`${id}-count`}>
      <legend>{factorId ? t('evidence.links.forFactor') : t('evidence.links.forCase')}</legend>
      <p id={`${id}-count`} className="muted">
        {t('evidence.links.count', { count: linked.length })}
      </p>
      {dormant && <p className="field__hint">{t('evidence.links.notCited')}</p>}
      {linked.length > 0 && (
        <ul className="excerpt-list" aria-label={t('evidence.links.linkedTo', { title })}>
          {linked.map((item) => (
            <li key={item.excerpt.id}>
              <ExcerptItem excerpt={item.excerpt} source={item.source} currency={item.currency}>
                <LinkButton action="unlink" excerpt={item.excerpt} source={item.source} onClick={() => void evidence.unlink(item.excerpt.id, factorId)} />
              </ExcerptItem>
            </li>
          ))}
        </ul>
      )}
      {present && factorId && (
        <div className="evidence-links__suggestions">
          <p className="sources__title">{t('evidence.links.suggestions')}</p>
          {open.length === 0 ? (
            <p className="muted">{t('evidence.links.noSuggestions')}</p>
          ) : (
            <ol className="excerpt-list" aria-label={t('evidence.links.suggestionsFor', { title })}>
              {open.map((item) => (
                <li key={item.excerpt.id}>
                  <ExcerptItem excerpt={item.excerpt} source={item.source} currency={item.currency}>
                    <LinkButton action="link" excerpt={item.excerpt} source={item.source} onClick={() => void evidence.link(item.excerpt.id, factorId)} />
                  </ExcerptItem>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {!dormant && <ExcerptPicker label={t('evidence.links.find', { title })} linkedIds={linkedIds} onLink={(excerptId) => void evidence.link(excerptId, factorId)} />}
      <ErrorAlert error={evidence.error} />
    </fieldset>
  );
}
