// One case as the intake workspace: its head (reference, status, client), a list of the sections,
// and the sections themselves, each of which saves itself as the person types.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta, CaseDetails, CaseRecord, Deadline, TimelineEvent } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { BackIcon } from '../app/icons';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { CaseEvidencePanel } from '../evidence/CaseEvidencePanel';
import { CaseEvidenceContext, useCaseEvidence } from '../evidence/useCaseEvidence';
import { ExportDialog } from '../exchange/ExportDialog';
import { ClientSection } from '../intake/ClientSection';
import { DeadlinesSection } from '../intake/DeadlinesSection';
import { DetailsSection } from '../intake/DetailsSection';
import { HouseholdSection } from '../intake/HouseholdSection';
import { RisksSection } from '../intake/RisksSection';
import { SectionNav } from '../intake/SectionNav';
import { TimelineSection } from '../intake/TimelineSection';
import { useReference } from '../reference/useReference';
import { AccessReportAction } from './AccessReportAction';
import { DeadlineText } from './DeadlineText';
import { EraseDialog } from './EraseDialog';
import { StatusBadge } from './StatusBadge';

interface Props {
  id: string;
  onBack: () => void;
  onOpenCase: (id: string) => void;
  onVaultLocked: () => void;
}

interface Live {
  details: CaseDetails;
  clientName: string;
  timeline: TimelineEvent[];
  deadlines: Deadline[];
  attachments: AttachmentMeta[];
}

function nextDeadline(deadlines: Deadline[]): { kind: string; dueOn: string } | null {
  const open = deadlines.filter((d) => !d.done && d.dueOn).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return open[0] ? { kind: open[0].kind, dueOn: open[0].dueOn } : null;
}

export function CasePage({ id, onBack, onOpenCase, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ id: string; record: CaseRecord | null; error: ApiError | null } | null>(null);
  const [live, setLive] = useState<Live | null>(null);
  const reference = useReference();
  const back = useFocusOnMount<HTMLButtonElement>();
  const evidence = useCaseEvidence(id, onVaultLocked);
  const [exporting, setExporting] = useState(false);
  const [erasing, setErasing] = useState(false);
  // Bumped when an access report is made: the Documents section reloads and lists it first.
  const [documentsKey, setDocumentsKey] = useState(0);

  useEffect(() => {
    let current = true;
    api.cases
      .get({ id })
      .then((record) => {
        if (!current) return;
        setLoaded({ id, record, error: null });
        const { file } = record;
        setLive({ details: file.details, clientName: file.client.name, timeline: file.timeline, deadlines: file.deadlines, attachments: file.attachments });
      })
      .catch((caught: unknown) => {
        const error = toApiError(caught);
        if (!current) return;
        if (error.code === 'VAULT_LOCKED') onVaultLocked();
        else setLoaded({ id, record: null, error });
      });
    return () => {
      current = false;
    };
  }, [id, onVaultLocked]);

  useEffect(() => {
    if (reference.error?.code === 'VAULT_LOCKED') onVaultLocked();
  }, [reference.error, onVaultLocked]);

  const shown = loaded?.id === id ? loaded : null;
  const record = shown?.record;
  const ready = record && live && reference.data;
  const jurisdiction = ready ? reference.data!.jurisdictions.find((j) => j.id === live.details.jurisdiction) : undefined;
  const patch = (next: Partial<Live>) => setLive((previous) => (previous ? { ...previous, ...next } : previous));

  return (
    <article className="page case-page" aria-busy={!ready}>
      <nav className="breadcrumbs">
        <button type="button" className="button button--link back-link" ref={back} onClick={onBack}>
          <BackIcon />
          {t('case.back')}
        </button>
      </nav>
      {shown?.error && <ErrorAlert error={shown.error} />}
      {reference.error && reference.error.code !== 'VAULT_LOCKED' && <ErrorAlert error={reference.error} />}
      {!ready && !shown?.error && <p className="loading">{t('app.loading')}</p>}
      {ready && (
        <>
          <header className="case-head">
            <div className="case-head__title">
              <h1>{live.details.reference}</h1>
              <StatusBadge status={live.details.status} />
              <button type="button" className="button case-head__export" onClick={() => setExporting(true)}>
                {t('exchange.export.open')}
              </button>
              <button type="button" className="button button--danger case-head__erase" onClick={() => setErasing(true)}>
                {t('gdpr.erase.open')}
              </button>
            </div>
            <p className="case-head__client" dir="auto">
              {live.clientName}
            </p>
            <AccessReportAction caseId={record.id} onMade={() => setDocumentsKey((n) => n + 1)} onVaultLocked={onVaultLocked} />
            <p className="case-head__deadline">
              {t('case.nextDeadline')}: <DeadlineText deadline={nextDeadline(live.deadlines)} />
            </p>
          </header>
          <CaseEvidenceContext value={evidence}>
            <div className="workspace">
              <SectionNav />
              <div className="workspace__sections" key={record.id}>
                <ClientSection record={record} jurisdiction={jurisdiction} onClientName={(clientName) => patch({ clientName })} onVaultLocked={onVaultLocked} />
                <DetailsSection record={record} reference={reference.data} onDetails={(details) => patch({ details })} onVaultLocked={onVaultLocked} />
                <HouseholdSection record={record} onOpenCase={onOpenCase} onVaultLocked={onVaultLocked} />
                <TimelineSection record={record} onSaved={(timeline) => patch({ timeline })} onVaultLocked={onVaultLocked} />
                <DeadlinesSection record={record} jurisdiction={jurisdiction} onSaved={(deadlines) => patch({ deadlines })} onVaultLocked={onVaultLocked} />
                <RisksSection
                  record={record}
                  factors={reference.data!.riskCatalogue.factors}
                  timeline={live.timeline}
                  attachments={live.attachments}
                  onVaultLocked={onVaultLocked}
                />
                <CaseEvidencePanel reference={live.details.reference} />
                <AttachmentsPanel
                  caseId={record.id}
                  attachments={live.attachments}
                  onChange={(change) => setLive((previous) => (previous ? { ...previous, attachments: change(previous.attachments) } : previous))}
                  onVaultLocked={onVaultLocked}
                />
                <DocumentsPanel key={documentsKey} caseId={record.id} onVaultLocked={onVaultLocked} />
              </div>
            </div>
          </CaseEvidenceContext>
          {erasing && <EraseDialog caseId={record.id} reference={live.details.reference} onClose={() => setErasing(false)} onErased={onBack} onVaultLocked={onVaultLocked} />}
          {exporting && <ExportDialog caseIds={[record.id]} label={live.details.reference} onClose={() => setExporting(false)} onVaultLocked={onVaultLocked} />}
        </>
      )}
    </article>
  );
}
