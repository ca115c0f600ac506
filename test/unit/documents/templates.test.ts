// Templates: the shipped ones pass every check; a clinic's template is refused with each problem
// by file:line and reason (Liquid syntax, unknown tag or filter, file access, unknown variable,
// Markdown the documents cannot hold, a broken meta.json); accepted ones are kept in the vault.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTemplate, checkTemplate, checkTemplateUpload, listTemplates, loadTemplate, removeTemplate, templatesDir } from '../../../main/core/documents/templates';
import { BriefcaseError } from '../../../main/core/errors';
import type { Issue } from '../../../preload/contract';
import { composeSetup } from '../../fixtures/documents/compose/setup';

const META = { id: 'clinic-note', title: { da: 'Notat', en: 'Note' }, kind: 'other', version: '1.2.0', languages: ['da', 'en'], requires: [{ path: 'client.name', label: { da: 'Navn', en: 'Name' } }] };
const GOOD = '# Note\n\nFor {{ client.name }}, {{ today }}.\n';

/** An upload with meta.json and the given sources (en.md defaults to a good one). */
const upload = (da: string, en = GOOD, meta: object | string = META) => ({
  files: [
    { name: 'clinic-note/meta.json', text: typeof meta === 'string' ? meta : JSON.stringify(meta, null, 2) },
    { name: 'clinic-note/da.md', text: da },
    { name: 'clinic-note/en.md', text: en },
  ],
});

function issuesOf(run: () => unknown): Issue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BriefcaseError);
    expect((error as BriefcaseError).code).toBe('TEMPLATE_INVALID');
    return (error as BriefcaseError).issues ?? [];
  }
  throw new Error('expected TEMPLATE_INVALID');
}

describe('shipped templates', () => {
  it.each(['brief', 'cover-letter'])('%s parses, renders a complete case in both languages and passes every check', (id) => {
    const dir = join(templatesDir(), 'documents', id);
    const sources = { da: readFileSync(join(dir, 'da.md'), 'utf8'), en: readFileSync(join(dir, 'en.md'), 'utf8') };
    const meta = checkTemplate(readFileSync(join(dir, 'meta.json'), 'utf8'), sources);
    expect(meta.id).toBe(id);
    expect(meta.languages).toEqual(['da', 'en']);
  });
});

describe('a broken template is refused with file:line and reason', () => {
  it('a Liquid syntax error', () => {
    expect(issuesOf(() => checkTemplateUpload(upload('# Notat\n\n{% if %}x{% endif %}\n')))).toEqual([
      { path: 'da.md:3', message: 'validation.template.syntax', params: { line: 3, reason: expect.stringContaining('invalid value expression') } },
    ]);
  });

  it('an unknown tag, and the tags that would read files', () => {
    expect(issuesOf(() => checkTemplateUpload(upload('a\n{% frobnicate %}\n')))).toEqual([
      { path: 'da.md:2', message: 'validation.template.unknownTag', params: { line: 2, token: 'frobnicate' } },
    ]);
    for (const tag of ['include', 'render', 'layout']) {
      expect(issuesOf(() => checkTemplateUpload(upload(`x\n\n{% ${tag} "/etc/passwd" %}\n`)))).toEqual([
        { path: 'da.md:3', message: 'validation.template.unknownTag', params: { line: 3, token: tag } },
      ]);
    }
  });

  it('an unknown filter', () => {
    expect(issuesOf(() => checkTemplateUpload(upload('{{ client.name | shout }}\n')))).toEqual([
      { path: 'da.md:1', message: 'validation.template.unknownFilter', params: { line: 1, token: 'shout' } },
    ]);
  });

  it('an unknown variable: on any branch, and on a loop item', () => {
    const issues = issuesOf(() => checkTemplateUpload(upload('x\n{% if false %}{{ client.nmae }}{% endif %}\n', 'y\n\n{% for risk in risks %}{{ risk.labell }}{% endfor %}\n')));
    expect(issues).toEqual([
      { path: 'da.md:2', message: 'validation.template.unknownVariable', params: { line: 2, token: 'client.nmae' } },
      { path: 'en.md:3', message: 'validation.template.unknownVariable', params: { line: 3, token: 'risk.labell' } },
    ]);
  });

  it('a table, an image, HTML, code and a fourth-level heading, each by line', () => {
    const source = ['# Title', '', '| a | b |', '| --- | --- |', '', '![x](y.png)', '', '<div>x</div>', '', '```', 'code', '```', '', '#### Deep', ''].join('\n');
    expect(issuesOf(() => checkTemplateUpload(upload(source))).map((i) => [i.path, i.params?.kind])).toEqual([
      ['da.md:3', 'table'],
      ['da.md:6', 'image'],
      ['da.md:8', 'html'],
      ['da.md:10', 'code'],
      ['da.md:14', 'heading'],
    ]);
  });

  it('a link to anything but the web or e-mail', () => {
    expect(issuesOf(() => checkTemplateUpload(upload('[x](file:///etc/passwd)\n')))).toEqual([
      { path: 'da.md:1', message: 'validation.template.unsupportedMarkdown', params: { line: 1, kind: 'linkTarget' } },
    ]);
  });

  it('a broken meta.json, a required field the data lacks, missing and stray files', () => {
    expect(issuesOf(() => checkTemplateUpload(upload(GOOD, GOOD, '{\n  "id": "x",\n  oops\n}')))).toEqual([
      { path: 'meta.json:3', message: 'validation.template.metaSyntax', params: { line: 3 } },
    ]);
    expect(issuesOf(() => checkTemplateUpload(upload(GOOD, GOOD, { ...META, version: 'one' })))).toEqual([
      { path: 'meta.json:8', message: 'validation.template.meta', params: { line: 8, field: 'version' } },
    ]);
    const unknownField = { ...META, requires: [{ path: 'client.shoeSize', label: { da: 'Sko', en: 'Shoe' } }] };
    expect(issuesOf(() => checkTemplateUpload(upload(GOOD, GOOD, unknownField)))).toEqual([
      { path: expect.stringMatching(/^meta\.json:\d+$/), message: 'validation.template.unknownField', params: { line: expect.any(Number), token: 'client.shoeSize' } },
    ]);
    const files = [...upload(GOOD).files.filter((f) => !f.name.endsWith('en.md')), { name: 'script.js', text: 'x' }];
    expect(issuesOf(() => checkTemplateUpload({ files })).map((i) => i.message)).toEqual(['validation.template.unexpectedFile', 'validation.template.missingFile']);
  });

  it('redefines raw so that it cannot print case data as Markdown', async () => {
    const s = await composeSetup();
    addTemplate(s.api.vault.db, upload('{{ client.name | raw }}\n', '{{ client.name | raw }}\n'));
    await s.ok('cases.update', {
      id: s.caseId,
      revision: 0,
      update: { section: 'client', value: { name: '# Samir **Testsen**' } },
    });
    const { composeDocument } = await import('../../../main/core/documents/compose');
    const { document } = composeDocument(s.api.vault.db, { caseId: s.caseId, templateId: 'clinic-note', language: 'da' });
    expect(document.blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: '# Samir **Testsen**' }] }]);
  });
});

describe("a clinic's templates in the vault", () => {
  it('adds, lists, loads, replaces with a new version and removes; shipped ids are protected', async () => {
    const s = await composeSetup();
    const db = s.api.vault.db;
    expect(listTemplates(db).map((t) => [t.id, t.origin])).toEqual([
      ['brief', 'shipped'],
      ['cover-letter', 'shipped'],
    ]);
    expect(addTemplate(db, upload(GOOD))).toMatchObject({ id: 'clinic-note', origin: 'clinic', version: '1.2.0' });
    expect(loadTemplate(db, 'clinic-note')).toMatchObject({ origin: 'clinic', sources: { da: GOOD, en: GOOD } });
    addTemplate(db, upload('# Ny\n', GOOD, { ...META, version: '1.3.0' }));
    expect(listTemplates(db).filter((t) => t.origin === 'clinic').map((t) => t.version)).toEqual(['1.3.0']);
    expect(loadTemplate(db, 'brief').origin).toBe('shipped');

    expect(issuesOf(() => addTemplate(db, upload(GOOD, GOOD, { ...META, id: 'brief' })))).toEqual([
      { path: 'meta.json:1', message: 'validation.template.shippedId', params: { line: 1, token: 'brief' } },
    ]);
    expect(() => removeTemplate(db, 'brief')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    removeTemplate(db, 'clinic-note');
    expect(() => loadTemplate(db, 'clinic-note')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => removeTemplate(db, 'clinic-note')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('limits', () => {
  it('stops a template that renders without end', () => {
    const started = Date.now();
    const issues = issuesOf(() => checkTemplateUpload(upload('{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}\n')));
    expect(issues).toEqual([{ path: 'da.md:1', message: 'validation.template.render', params: expect.objectContaining({ line: 1 }) }]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
