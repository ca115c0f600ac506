// Documents from a case in the vault: the pre-flight report (missing fields, unknown citations,
// stale sources, annexes) and the composed document. The work is done by composer.ts; this file
// reads the case and the template and decides what refuses. Stale sources never refuse here: the
// service decides with acknowledgeStale.
import type { DocumentRequest, Preflight, StaleCitation, TemplateMeta } from '../../../preload/schemas/documents';
import { BriefcaseError } from '../errors';
import type { Db } from '../vault/sqlite';
import type { Annex } from './annexes';
import type { CitableExcerpt } from './citations';
import { composeFromBundle, missingFields } from './composer';
import { gatherBundle, type CaseBundle } from './context';
import type { ComposedDocument } from './model';
import { loadTemplate } from './templates';

export type { Annex } from './annexes';

function staleCitations(bundle: CaseBundle, cited: CitableExcerpt[]): StaleCitation[] {
  return cited.flatMap((excerpt) => {
    const link = bundle.links.find((l) => l.excerpt.id === excerpt.id);
    if (!link || !link.currency.stale) return [];
    return [
      {
        excerptId: excerpt.id,
        sourceTitle: link.source.title,
        publisher: link.source.publisher,
        date: link.source.date,
        reasons: link.currency.reasons,
        newerEdition: link.currency.newerEdition,
      },
    ];
  });
}

interface Options {
  today?: Date;
  dir?: string;
}

function prepare(db: Db, request: DocumentRequest, options: Options) {
  const today = options.today ?? new Date();
  const template = loadTemplate(db, request.templateId, options.dir);
  const source = template.sources[request.language];
  if (!template.meta.languages.includes(request.language) || source === undefined) throw new BriefcaseError('LANGUAGE_NOT_OFFERED');
  const bundle = gatherBundle(db, request.caseId, today);
  const composition = composeFromBundle(bundle, { meta: template.meta, source, file: `${request.language}.md` }, request.language, today);
  const report: Preflight = {
    missing: missingFields(template.meta, composition.context, request.language),
    unknownCitations: composition.unknownCitations,
    stale: staleCitations(bundle, composition.cited),
    annexes: composition.plan.preflight,
  };
  return { template, composition, report };
}

/** What stops or should give pause before the document is made; never throws for those. */
export function preflight(db: Db, request: DocumentRequest, options: Options = {}): Preflight & { annexList: Annex[] } {
  const { composition, report } = prepare(db, request, options);
  return { ...report, annexList: composition.plan.annexes };
}

/**
 * The document. Refuses with MISSING_FIELDS (every missing field by its label) and then with
 * UNKNOWN_CITATION (every unknown reference); stale sources are only reported.
 */
export function composeDocument(
  db: Db,
  request: DocumentRequest,
  options: Options = {},
): { document: ComposedDocument; template: TemplateMeta & { origin: 'shipped' | 'clinic' }; preflight: Preflight; annexes: Annex[] } {
  const { template, composition, report } = prepare(db, request, options);
  if (report.missing.length > 0) {
    throw new BriefcaseError(
      'MISSING_FIELDS',
      report.missing.map((field) => ({ path: field.path, message: 'validation.missingField', params: { label: field.label } })),
    );
  }
  if (report.unknownCitations.length > 0) {
    throw new BriefcaseError(
      'UNKNOWN_CITATION',
      report.unknownCitations.map((id) => ({ path: id, message: 'validation.unknownCitation', params: { reference: id } })),
    );
  }
  return { document: composition.document, template: { ...template.meta, origin: template.origin }, preflight: report, annexes: composition.plan.annexes };
}
