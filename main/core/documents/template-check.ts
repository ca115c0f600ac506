// Checking a template before it is used: a clinic's upload, and (in the tests) the shipped ones.
// A template is refused with every problem found, each as "<file>:<line>" and a reason:
//   meta.json    not JSON, or not a TemplateMeta; a required field that the data does not have
//   files        a language's .md missing; a file that is not meta.json or da.md/en.md
//   <lang>.md    a Liquid syntax error; an unknown tag (include, render, layout are not available)
//                or filter; a variable the data does not have (statically, on every branch, and
//                by a strict render of a complete fictional case); Markdown the documents cannot
//                hold (tables, images, HTML, code, link definitions, headings below level 3)
import type { Issue } from '../../../preload/contract';
import { DocumentLanguage, TemplateMeta, type TemplateUpload } from '../../../preload/schemas/documents';
import { BriefcaseError } from '../errors';
import { composeFromBundle } from './composer';
import { buildContext, valueAt, type TemplateContext } from './context';
import { cleanText } from './escape';
import { createLiquid, liquidIssue } from './liquid';
import { checkTemplateMarkdown } from './markdown';
import { SAMPLE_TODAY, sampleBundle } from './sample';
import { planAnnexes } from './annexes';

export type TemplateSources = Partial<Record<DocumentLanguage, string>>;

/** Objects keyed by data ids (factor ids, authority ids): any key, its value shaped like the others. */
const RECORDS = new Set(['risksById', 'case.numberOf']);

function sampleContext(language: DocumentLanguage): TemplateContext {
  const bundle = sampleBundle();
  return buildContext(bundle, language, SAMPLE_TODAY, planAnnexes(bundle, bundle.links.map((l) => l.source.id)).listed);
}

/** Whether a variable path (as Liquid's static analysis gives it) names data the context has. */
export function knownPath(context: TemplateContext, segments: readonly unknown[]): boolean {
  let value: unknown = context;
  const walked: string[] = [];
  for (const segment of segments) {
    if (typeof segment !== 'string' && typeof segment !== 'number') return true; // a[b]: decided at render
    if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return true;
    if (typeof value === 'string') return segment === 'size' || segment === 'first' || segment === 'last';
    if (Array.isArray(value)) {
      if (segment === 'size') return true;
      if (typeof segment !== 'number' && segment !== 'first' && segment !== 'last') return false;
      value = value[0];
    } else if (RECORDS.has(walked.join('.'))) {
      value = Object.values(value as object)[0];
    } else {
      if (!Object.hasOwn(value as object, segment)) return segment === 'size';
      value = (value as Record<string, unknown>)[String(segment)];
    }
    walked.push(String(segment));
  }
  return true;
}

/** The problems of one language's source (empty when it is fine). */
export function checkSource(meta: TemplateMeta, language: DocumentLanguage, source: string): Issue[] {
  const file = `${language}.md`;
  const liquid = createLiquid();
  let parsed;
  try {
    parsed = liquid.parse(source, file);
  } catch (error) {
    return [liquidIssue(file, error, true)];
  }
  const context = sampleContext(language);
  const issues: Issue[] = [];
  const analysis = liquid.analyzeSync(parsed, { partials: false });
  for (const variables of Object.values(analysis.globals)) {
    for (const variable of variables) {
      if (knownPath(context, variable.segments)) continue;
      const line = variable.location.row;
      issues.push({ path: `${file}:${line}`, message: 'validation.template.unknownVariable', params: { line, token: variable.toString() } });
    }
  }
  const markdown = checkTemplateMarkdown(source).map((u) => ({
    path: `${file}:${u.line}`,
    message: 'validation.template.unsupportedMarkdown',
    params: { line: u.line, kind: u.kind },
  }));
  issues.push(...markdown);
  if (issues.length > 0) return issues;
  try {
    composeFromBundle(sampleBundle(), { meta, source, file }, language, SAMPLE_TODAY, true);
  } catch (error) {
    if (error instanceof BriefcaseError && error.issues) return error.issues;
    throw error;
  }
  return [];
}

/** Problems with the required fields: each path must name data the context has. */
function checkRequires(meta: TemplateMeta, metaText: string): Issue[] {
  const context = sampleContext('en');
  return meta.requires.flatMap((field) => {
    if (valueAt(context, field.path) !== undefined) return [];
    const line = lineOf(metaText, `"${field.path}"`);
    return [{ path: `meta.json:${line}`, message: 'validation.template.unknownField', params: { line, token: field.path } }];
  });
}

/** 1-based line of the first occurrence of `needle`, or 1. */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

/** meta.json's text → TemplateMeta, or its problems. */
export function parseMeta(text: string): { meta: TemplateMeta | null; issues: Issue[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : 1;
    return { meta: null, issues: [{ path: `meta.json:${line}`, message: 'validation.template.metaSyntax', params: { line } }] };
  }
  const parsed = TemplateMeta.safeParse(raw);
  if (!parsed.success) {
    return {
      meta: null,
      issues: parsed.error.issues.map((issue) => {
        const key = [...issue.path].reverse().find((p) => typeof p === 'string');
        const line = key ? lineOf(text, `"${key}"`) : 1;
        return { path: `meta.json:${line}`, message: 'validation.template.meta', params: { line, field: issue.path.map(String).join('.') } };
      }),
    };
  }
  return { meta: parsed.data, issues: checkRequires(parsed.data, text) };
}

/** Every check for a whole template; throws TEMPLATE_INVALID listing each problem. */
export function checkTemplate(metaText: string, sources: TemplateSources): TemplateMeta {
  const { meta, issues } = parseMeta(metaText);
  if (meta) {
    for (const language of meta.languages) {
      const source = sources[language];
      if (source === undefined) {
        issues.push({ path: `${language}.md:0`, message: 'validation.template.missingFile', params: { line: 0, token: `${language}.md` } });
      } else {
        issues.push(...checkSource(meta, language, source));
      }
    }
    for (const language of DocumentLanguage.options) {
      if (sources[language] !== undefined && !meta.languages.includes(language)) {
        issues.push({ path: `${language}.md:0`, message: 'validation.template.unexpectedFile', params: { line: 0, token: `${language}.md` } });
      }
    }
  }
  if (issues.length > 0 || !meta) throw new BriefcaseError('TEMPLATE_INVALID', issues);
  return meta;
}

/** A clinic's upload (files named meta.json, da.md, en.md; folders in the names are ignored). */
export function checkTemplateUpload(upload: TemplateUpload): { meta: TemplateMeta; sources: TemplateSources } {
  const issues: Issue[] = [];
  let metaText: string | null = null;
  const sources: TemplateSources = {};
  for (const file of upload.files) {
    const name = file.name.split(/[\\/]/).pop() ?? file.name;
    const text = cleanText(file.text);
    const language = /^(da|en)\.md$/.exec(name)?.[1] as DocumentLanguage | undefined;
    if (name === 'meta.json' && metaText === null) metaText = text;
    else if (language && sources[language] === undefined) sources[language] = text;
    else issues.push({ path: `${name}:0`, message: 'validation.template.unexpectedFile', params: { line: 0, token: name } });
  }
  if (metaText === null) issues.push({ path: 'meta.json:0', message: 'validation.template.missingFile', params: { line: 0, token: 'meta.json' } });
  try {
    if (metaText !== null) {
      const meta = checkTemplate(metaText, sources);
      if (issues.length === 0) return { meta, sources };
    }
  } catch (error) {
    if (!(error instanceof BriefcaseError) || !error.issues) throw error;
    issues.push(...error.issues);
  }
  throw new BriefcaseError('TEMPLATE_INVALID', issues);
}
