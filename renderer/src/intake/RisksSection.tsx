// Individual risk, factor by factor: every factor of the catalogue (and the clinic's own) is
// present, absent or not yet assessed, with its structured fields, the client's words, the
// lawyer's summary and the sources (timeline events, attachments) that support it.
import { useEffect, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta, CaseRecord, RiskAssessment, RiskFactor, TimelineEvent } from '../../../preload/contract';
import { useSectionForm } from '../autosave/useSectionForm';
import { useCaseEvidenceContext } from '../evidence/useCaseEvidence';
import { ClinicFactorDialog } from './ClinicFactorDialog';
import { risksSpec } from './forms';
import { RiskFactorCard } from './RiskFactorCard';
import { SectionCard } from './SectionCard';

interface Props {
  record: CaseRecord;
  factors: RiskFactor[];
  timeline: TimelineEvent[];
  attachments: AttachmentMeta[];
  onVaultLocked: () => void;
}

export function RisksSection({ record, factors, timeline, attachments, onVaultLocked }: Props) {
  const { t } = useTranslation();
  // The spec is fixed for the life of the form: factors added later are appended to it.
  const [spec] = useState(() => risksSpec(factors));
  const [added, setAdded] = useState<RiskFactor[]>([]);
  const [adding, setAdding] = useState(false);
  const editor = useSectionForm<{ items: RiskAssessment[] }>({ caseId: record.id, section: 'risks', record, ...spec, onVaultLocked });
  const items = useFieldArray({ control: editor.form.control, name: 'items', keyName: 'key' });
  // Suggestions are for the factors saved as present: ask again after each save of this section.
  const refreshSuggestions = useCaseEvidenceContext()?.refreshSuggestions;
  const savedNow = editor.status.kind === 'saved';
  useEffect(() => {
    if (savedNow) refreshSuggestions?.();
  }, [savedNow, refreshSuggestions]);
  const byId = new Map([...factors, ...added].map((factor) => [factor.id, factor]));

  return (
    <SectionCard id="section-risks" title={t('intake.risks.title')} intro={t('intake.risks.intro')} editor={editor}>
      <ul className="risk-list">
        {items.fields.map((field, index) => (
          <li key={field.key}>
            <RiskFactorCard index={index} factor={byId.get(field.factorId)} factorId={field.factorId} timeline={timeline} attachments={attachments} />
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => setAdding(true)}>
        {t('intake.risks.addClinicFactor')}
      </button>
      {adding && (
        <ClinicFactorDialog
          onClose={() => setAdding(false)}
          onCreated={(factor) => {
            setAdded((list) => [...list, factor]);
            items.append({ factorId: factor.id, state: 'not_assessed', fields: {}, clientFacts: '', lawyerSummary: '', sources: [] });
            editor.changed();
            setAdding(false);
          }}
          onVaultLocked={onVaultLocked}
        />
      )}
    </SectionCard>
  );
}
