// "On this page": jumps to a section and puts the keyboard focus on its heading.
import { useTranslation } from 'react-i18next';

const SECTIONS = [
  ['section-client', 'intake.client.title'],
  ['section-details', 'intake.details.title'],
  ['section-household', 'intake.household.title'],
  ['section-timeline', 'intake.timeline.title'],
  ['section-deadlines', 'intake.deadlines.title'],
  ['section-risks', 'intake.risks.title'],
  ['section-evidence', 'evidence.links.title'],
  ['section-attachments', 'attachments.title'],
  ['section-documents', 'documents.title'],
] as const;

export function SectionNav() {
  const { t } = useTranslation();
  return (
    <nav className="section-nav" aria-label={t('intake.onThisPage')}>
      <ul>
        {SECTIONS.map(([id, key]) => (
          <li key={id}>
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                const heading = document.getElementById(`${id}-title`);
                heading?.scrollIntoView({ block: 'start' });
                heading?.focus();
              }}
            >
              {t(key)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
