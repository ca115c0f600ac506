// The Documents section's pure parts: which intake section holds a missing field, how a picked
// template folder becomes an upload, and how a template's problems read ("file:line — reason").
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/src/api/client';
import { documentErrorText, templateIssueText } from '../../../renderer/src/documents/messages';
import { sectionForField } from '../../../renderer/src/documents/sections';
import { MAX_TEMPLATE_CHARS, readTemplateFiles, type PickedFile } from '../../../renderer/src/documents/templateFiles';

const file = (name: string, text: string, relativePath = ''): PickedFile => ({ name, relativePath, size: new TextEncoder().encode(text).length, text: async () => text });

describe('the section that holds a missing field', () => {
  it('reads the first segment, and the second of a case.* path', () => {
    expect(sectionForField('client.name')?.id).toBe('section-client');
    expect(sectionForField('client.authorityCaseNumbers')?.id).toBe('section-client');
    expect(sectionForField('case.decisionDate')?.id).toBe('section-details');
    expect(sectionForField('case.dates.decision')?.id).toBe('section-details');
    expect(sectionForField('case.household')?.id).toBe('section-household');
    expect(sectionForField('household')?.id).toBe('section-household');
    expect(sectionForField('risks.present')?.id).toBe('section-risks');
    expect(sectionForField('timeline')?.id).toBe('section-timeline');
  });

  it('gives the section title key the case page uses', () => {
    expect(sectionForField('client.name')?.titleKey).toBe('intake.client.title');
    expect(sectionForField('case.protectionBasis')?.titleKey).toBe('intake.details.title');
  });

  it('names no section for a field it does not know', () => {
    expect(sectionForField('signature.city')).toBeNull();
    expect(sectionForField('')).toBeNull();
  });
});

describe('a template picked as files or as a folder', () => {
  it('keeps meta.json and the Markdown files of the folder itself, meta.json first, by their own names', async () => {
    const result = await readTemplateFiles([
      file('en.md', '# Brief', 'my-brief/en.md'),
      file('meta.json', '{}', 'my-brief/meta.json'),
      file('da.md', '# Indlæg', 'my-brief/da.md'),
      file('notes.txt', 'x', 'my-brief/notes.txt'),
      file('old.md', '# old', 'my-brief/archive/old.md'),
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.upload.files.map((f) => f.name)).toEqual(['meta.json', 'da.md', 'en.md']);
    expect(result.upload.files[1]?.text).toBe('# Indlæg');
    expect(result.ignored.sort()).toEqual(['my-brief/archive/old.md', 'my-brief/notes.txt']);
  });

  it('refuses a pick without template files, with too many, or with a file over the limit', async () => {
    expect(await readTemplateFiles([file('notes.txt', 'x')])).toEqual({ ok: false, reason: 'noTemplateFiles' });
    const many = Array.from({ length: 11 }, (_, i) => file(`${i}.md`, 'x'));
    expect(await readTemplateFiles(many)).toEqual({ ok: false, reason: 'tooManyFiles' });
    const big = file('da.md', 'a'.repeat(MAX_TEMPLATE_CHARS + 1));
    expect(await readTemplateFiles([file('meta.json', '{}'), big])).toEqual({ ok: false, reason: 'fileTooLarge', file: 'da.md' });
  });
});

describe('messages', () => {
  const catalogue: Record<string, string> = {
    'validation.template.unknownTag': 'unknown tag “{{tag}}”',
    'documents.errors.NOT_SUPPORTED': 'Opening documents is not available here.',
    'errors.TEMPLATE_INVALID': 'The template cannot be used.',
    'errors.INTERNAL': 'Something went wrong.',
    'documents.templates.invalidReason': 'not valid here',
  };
  const exists = (key: string) => key in catalogue;
  const t = (key: string, options?: Record<string, unknown>) =>
    (catalogue[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options?.[name] ?? ''));

  it('shows a template problem as file:line and its translated reason', () => {
    const issue = { path: 'da.md:12', message: 'validation.template.unknownTag', params: { line: 12, tag: 'include' } };
    expect(templateIssueText(t, exists, issue)).toEqual({ where: 'da.md:12', why: 'unknown tag “include”' });
    expect(templateIssueText(t, exists, { path: 'en.md', message: 'validation.template.unknownTag', params: { line: 3, tag: 'x' } }).where).toBe('en.md:3');
    expect(templateIssueText(t, exists, { path: 'meta.json', message: 'validation.somethingNew' }).why).toBe('not valid here');
    expect(templateIssueText(t, exists, { path: 'en.md:0', message: 'validation.template.unknownTag', params: { line: 0, tag: 'x' } }).where).toBe('en.md');
  });

  it("prefers the documents' own wording of an error, then the core's key", () => {
    expect(documentErrorText(t, exists, new ApiError('NOT_SUPPORTED'))).toBe('Opening documents is not available here.');
    expect(documentErrorText(t, exists, new ApiError('TEMPLATE_INVALID'))).toBe('The template cannot be used.');
    expect(documentErrorText(t, exists, new ApiError('FORBIDDEN'))).toBe('Something went wrong.');
  });
});
