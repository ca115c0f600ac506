// The case's evidence section: excerpts selected for the case as a whole. Those selected for one
// risk factor are shown in that factor's card.
import { useTranslation } from 'react-i18next';
import { LinkedEvidence } from './LinkedEvidence';

export function CaseEvidencePanel({ reference }: { reference: string }) {
  const { t } = useTranslation();
  return (
    <section className="card intake-section" id="section-evidence" aria-labelledby="section-evidence-title">
      <header className="intake-section__head">
        <h2 id="section-evidence-title" className="card__title" tabIndex={-1}>
          {t('evidence.links.title')}
        </h2>
      </header>
      <p className="intake-section__intro">{t('evidence.links.intro')}</p>
      <LinkedEvidence factorId={null} title={reference} />
    </section>
  );
}
