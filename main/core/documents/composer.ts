// From a case and a template to the composed document (model.ts) and the pre-flight report.
//
//   Liquid (sandboxed, values escaped) → Markdown → citations marked → remark-parse → blocks,
//   with [@excerpt-id] numbered as footnotes in order of first appearance.
//
// The template is rendered twice: the first pass finds which sources are cited, which decides the
// annexes (their documents follow the case's files), and the second pass lists those annexes. The
// composer never refuses stale sources: compose.ts reports them and the service decides.
//
// This is the pure core (no vault): compose.ts reads the case and calls it, and the template check
// (template-check.ts) runs it on fictional data (sample.ts).
import type { Template } from 'liquidjs';
import type { DocumentLanguage, Preflight, TemplateMeta } from '../../../preload/schemas/documents';
import { BriefcaseError } from '../errors';
import { planAnnexes, type AnnexPlan } from './annexes';
import { FootnoteBook, markCitations, type CitableExcerpt } from './citations';
import { buildContext, isMissing, valueAt, type CaseBundle, type TemplateContext } from './context';
import { createLiquid, LIMITS, liquidIssue, renderTemplate } from './liquid';
import { toBlocks } from './markdown';
import type { ComposedDocument } from './model';

export interface TemplateText {
  meta: TemplateMeta;
  /** The Markdown-with-Liquid of one language, and the file it came from (for error lines). */
  source: string;
  file: string;
}

export interface Composition {
  document: ComposedDocument;
  context: TemplateContext;
  unknownCitations: string[];
  cited: CitableExcerpt[];
  plan: AnnexPlan;
}

const HEADER_REFERENCE: Record<DocumentLanguage, string> = { da: 'j.nr.', en: 'ref.' };

/**
 * The pure core: a bundle and a template in, a document out. `check` renders with strict
 * variables and puts Liquid's reasons in the issues (used on fictional data when a template is
 * checked); otherwise an unknown variable prints nothing and issues carry only the line.
 */
export function composeFromBundle(bundle: CaseBundle, template: TemplateText, language: DocumentLanguage, today: Date, check = false): Composition {
  const liquid = createLiquid();
  let parsed: Template[];
  try {
    parsed = liquid.parse(template.source, template.file);
  } catch (error) {
    throw new BriefcaseError('TEMPLATE_INVALID', [liquidIssue(template.file, error, check)]);
  }
  // Both passes share one time budget, so a runaway template holds the process LIMITS.render, not twice that.
  const deadline = performance.now() + LIMITS.render;
  const render = (context: TemplateContext) => {
    try {
      return renderTemplate(liquid, parsed, context, check, deadline - performance.now());
    } catch (error) {
      throw new BriefcaseError('TEMPLATE_INVALID', [liquidIssue(template.file, error, check)]);
    }
  };

  const linked = new Map(bundle.links.map((link) => [link.excerpt.id, link]));
  const citedSources = (ids: string[]) => [...new Set(ids.flatMap((id) => (linked.has(id) ? [linked.get(id)!.source.id] : [])))];

  // Pass 1 lists every linked source's document as a possible annex; pass 2 only the cited ones.
  const first = markCitations(render(buildContext(bundle, language, today, planAnnexes(bundle, citedSources(bundle.links.map((l) => l.excerpt.id))).listed)));
  const plan = planAnnexes(bundle, citedSources(first.ids));
  const context = buildContext(bundle, language, today, plan.listed);
  const { markdown, ids } = markCitations(render(context));

  const book = new FootnoteBook(language, (id) => {
    const link = linked.get(id);
    if (!link) return undefined;
    const { source } = link;
    return {
      id,
      pinpoint: link.excerpt.pinpoint,
      source: { id: source.id, publisher: source.publisher, title: source.title, date: source.date, documentNumber: source.documentNumber, url: source.url, doi: source.doi },
      annex: plan.bySource.get(source.id) ?? null,
    };
  });
  const { blocks, unsupported } = toBlocks(markdown, (index) => book.cite(ids[index]!));
  if (unsupported.length > 0) {
    throw new BriefcaseError(
      'TEMPLATE_INVALID',
      unsupported.map((u) => ({ path: `${template.file}:${u.line}`, message: 'validation.template.unsupportedMarkdown', params: { line: u.line, kind: u.kind } })),
    );
  }

  const title = template.meta.title[language];
  const file = bundle.file;
  const document: ComposedDocument = {
    title,
    author: file.details.assignedLawyer ?? '',
    language,
    subject: `${title}: ${file.client.name}`,
    header: `${title} · ${HEADER_REFERENCE[language]} ${file.details.reference}`,
    blocks,
    footnotes: book.footnotes(),
  };
  return { document, context, unknownCitations: book.unknown, cited: book.cited, plan };
}

/** Required fields the context lacks, with their labels in the document's language. */
export function missingFields(meta: TemplateMeta, context: TemplateContext, language: DocumentLanguage): Preflight['missing'] {
  return meta.requires.filter((field) => isMissing(valueAt(context, field.path))).map((field) => ({ path: field.path, label: field.label[language] }));
}

