// The Liquid engine for document templates. A template is untrusted input (clinics share them), so
// the engine is sandboxed: no file system (include, render, layout, block are removed, and the
// in-memory template map is empty), no filter or tag that is not known (strictFilters; an unknown
// tag is a parse error), properties only of the data itself (ownPropertyOnly), and limits on
// template size, render time, render count and memory. Liquid runs no JavaScript of the template's.
//
// Every {{ }} output goes through escape.ts's outputEscape. `raw` is redefined as a plain filter,
// so "| raw" no longer skips the escaping: a template cannot print case data as Markdown.
import { Liquid, type Template } from 'liquidjs';
import type { Issue } from '../../../preload/contract';
import { CITATION_ID } from './citations';
import { SafeMarkdown, escapeInline, escapePunctuation, outputEscape, splitParagraphs } from './escape';

/** Tags that read other templates (from disk or memory), or write HTML. */
const REMOVED_TAGS = ['include', 'render', 'layout', 'block', 'tablerow'];

export const LIMITS = {
  /** Characters of template text parsed at once. */
  parse: 1_000_000,
  /**
   * Milliseconds one composition may spend rendering (both of its passes together). Liquid renders
   * synchronously, so this is how long a hostile template can hold the main process; it was 5 s per
   * render (10 s per document) until test/unit/hostile/templates.test.ts found a 199 000-turn loop
   * accepted after 5 s. The shipped brief's two passes over a maximal case (2 000 timeline events,
   * long facts on every risk) fit in 0.4 s on a 2-core machine at load average 11: about 4× margin.
   */
  render: 1_500,
  /** Tags and outputs rendered in one render (loops count every turn). */
  templates: 200_000,
  /** Liquid's allocation estimate (strings, arrays) for one render. */
  memory: 50_000_000,
};

/** The lawyer's narrative: paragraphs and [@excerpt-id] citations kept, everything else literal. */
export function narrativeMarkdown(text: string): string {
  return splitParagraphs(text)
    .map((paragraph) =>
      paragraph
        .split(/(\[@[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\])/)
        .map((part, index) => (index % 2 === 1 ? part : escapePunctuation(part)))
        .join(''),
    )
    .join('\n\n');
}

export function createLiquid(): Liquid {
  const liquid = new Liquid({
    outputEscape,
    strictFilters: true,
    ownPropertyOnly: true,
    lenientIf: true,
    templates: {},
    relativeReference: false,
    dynamicPartials: false,
    parseLimit: LIMITS.parse,
    renderLimit: LIMITS.render,
    memoryLimit: LIMITS.memory,
  });
  for (const tag of REMOVED_TAGS) delete liquid.tags[tag];

  liquid.registerFilter('raw', (value: unknown) => value);
  /** `{{ excerpt.id | cite }}`: a citation of a linked excerpt, made a footnote by the composer. */
  liquid.registerFilter('cite', (value: unknown) => {
    const id = String(value ?? '');
    if (!CITATION_ID.test(id)) throw new Error('cite: not an excerpt id');
    return new SafeMarkdown(`[@${id}]`);
  });
  /** `{{ risk.lawyerSummary | narrative }}`: keeps [@excerpt-id] citations and paragraph breaks. */
  liquid.registerFilter('narrative', (value: unknown) => new SafeMarkdown(narrativeMarkdown(String(value ?? ''))));
  /** `{{ risk.clientFacts | paragraphs }}`: a person's blank lines become paragraph breaks. */
  liquid.registerFilter('paragraphs', (value: unknown) =>
    new SafeMarkdown(
      splitParagraphs(String(value ?? ''))
        .map((part) => escapeInline(part))
        .join('\n\n'),
    ),
  );
  return liquid;
}

/**
 * Renders a parsed template; `strict` makes an unknown variable an error (used when checking).
 * `renderLimit`: the milliseconds left of the caller's budget (a composition renders twice and
 * both renders share LIMITS.render), at least 1 so that an exhausted budget stops at once.
 */
export function renderTemplate(liquid: Liquid, template: Template[], data: object, strict: boolean, renderLimit: number = LIMITS.render): string {
  return liquid.renderSync(template, data, {
    strictVariables: strict,
    ownPropertyOnly: true,
    templateLimit: LIMITS.templates,
    renderLimit: Math.max(1, renderLimit),
    memoryLimit: LIMITS.memory,
  }) as string;
}

/**
 * A Liquid error as an issue: path "<file>:<line>", an i18n key, and params. `withReason` adds
 * Liquid's own words (about the template's text); it is off when real case data was rendered, so
 * nothing from the case can reach a message.
 */
export function liquidIssue(file: string, error: unknown, withReason: boolean): Issue {
  const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
  const line = token?.getPosition?.()[0] ?? 0;
  const message = error instanceof Error ? error.message : '';
  const reason = message.replace(/, (file:|line:).*$/s, '').slice(0, 200);
  const path = `${file}:${line}`;
  const tag = /^tag "([^"]+)" not found/.exec(reason);
  if (tag) return { path, message: 'validation.template.unknownTag', params: { line, token: tag[1]! } };
  const filter = /^undefined filter: (.+)$/.exec(reason);
  if (filter) return { path, message: 'validation.template.unknownFilter', params: { line, token: filter[1]! } };
  const variable = /^undefined variable: (.+)$/.exec(reason);
  if (variable) return { path, message: 'validation.template.unknownVariable', params: { line, token: variable[1]! } };
  const name = error instanceof Error ? error.name : '';
  const key = name === 'RenderError' ? 'validation.template.render' : 'validation.template.syntax';
  return { path, message: key, params: withReason ? { line, reason } : { line } };
}
