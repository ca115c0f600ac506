// The main job end to end, on the fictional demo case (scripts/demo.ts) in a real vault: the brief
// as DOCX opens in python-docx and converts with LibreOffice without error; as PDF its text (by
// pdftotext) has the client's name and every footnote, and its fonts are embedded; `npm run
// demo`'s runDemo writes the ten files it promises.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentVersion } from '../../../preload/contract';
import { createApi } from '../../../main/core/api';
import { composeDocument } from '../../../main/core/documents/compose';
import { inlineText } from '../../../main/core/documents/model';
import { addDemoCase, runDemo } from '../../../scripts/demo';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';
import { pageTexts, pdfFonts, pdfInfo } from './pdf-tools';

const squash = (text: string) => text.replace(/\s+/g, '');

async function demoVault() {
  const dir = tempDir();
  const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const created = await api.call('vault.create', { passphrase: PASSPHRASE });
  if (!created.ok) throw new Error(created.error.code);
  const caseId = await addDemoCase(api, dir);
  const generate = async (templateId: string, language: 'da' | 'en', format: 'docx' | 'pdf') => {
    const made = await api.call('documents.generate', { caseId, templateId, language, format, acknowledgeStale: true });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const version = made.value as DocumentVersion;
    const path = join(dir, version.name);
    const saved = await api.call('documents.saveCopy', { id: version.id, path });
    if (!saved.ok) throw new Error(saved.error.code);
    return path;
  };
  return { api, dir, caseId, generate };
}

describe('the demo case, end to end', () => {
  it('DOCX: python-docx opens it with its styles and footnotes; LibreOffice converts it to PDF without error', async () => {
    const { api, dir, generate } = await demoVault();
    const docx = await generate('brief', 'da', 'docx');
    api.close();

    // Debian's python3-docx belongs to /usr/bin/python3 (another python3 may be first on PATH).
    const script = [
      'import sys, docx',
      'd = docx.Document(sys.argv[1])',
      'print(len(d.paragraphs))',
      'print(sorted({p.style.name for p in d.paragraphs}))',
      "print(any(p.partname == '/word/footnotes.xml' for p in d.part.package.parts))",
      "print('Samir Testsen' in '\\n'.join(p.text for p in d.paragraphs))",
    ].join('\n');
    const [count, styles, hasFootnotes, hasName] = execFileSync('/usr/bin/python3', ['-c', script, docx], { encoding: 'utf8' }).trim().split('\n');
    expect(Number(count)).toBeGreaterThan(20);
    expect(styles).toContain('Heading 1');
    expect(styles).toContain('Heading 2');
    expect(hasFootnotes).toBe('True');
    expect(hasName).toBe('True');

    const profile = tempDir();
    const converted = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(converted.status, converted.stderr).toBe(0);
    expect(converted.stderr).not.toMatch(/error/i);
    const pdf = docx.replace(/\.docx$/, '.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(Number(pdfInfo(pdf).Pages)).toBeGreaterThan(1);
    expect(squash(pageTexts(pdf).join(''))).toContain(squash('Samir Testsen'));
  }, 180_000);

  it('PDF: the client’s name, every footnote, embedded fonts', async () => {
    const { api, generate, caseId } = await demoVault();
    const path = await generate('brief', 'en', 'pdf');
    const composed = composeDocument(api.vault.db, { caseId, templateId: 'brief', language: 'en' });
    api.close();

    const text = pageTexts(path).join('\n');
    expect(text).toContain('Samir Testsen');
    expect(composed.document.footnotes.length).toBeGreaterThan(3);
    const flat = squash(text);
    for (const note of composed.document.footnotes) {
      // The footnote's words, wherever the lines broke (compared without white space).
      expect(flat).toContain(squash(inlineText(note.content)).slice(0, 40));
    }
    const fonts = pdfFonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.embedded)).toBe(true);
  }, 60_000);

  it('runDemo writes the brief and the cover letter in both languages as DOCX and PDF, and a bundle per language', async () => {
    const out = join(tempDir(), 'demo-output');
    const first = await runDemo(out, { kdfCost: FAST_KDF });
    expect(first.files.map((f) => `${f.version.templateId} ${f.version.language} ${f.version.format}`).sort()).toEqual(
      ['brief', 'cover-letter'].flatMap((t) => ['da', 'en'].flatMap((l) => ['docx', 'pdf'].map((f) => `${t} ${l} ${f}`))).concat(['brief da bundle', 'brief en bundle']).sort(),
    );
    for (const file of first.files) expect(readFileSync(file.path).length).toBe(file.version.size);
    // Re-running replaces the output: nothing left over from the first run.
    const stray = join(out, 'left over.txt');
    writeFileSync(stray, 'x');
    const second = await runDemo(out, { kdfCost: FAST_KDF });
    expect(existsSync(stray)).toBe(false);
    expect(second.files).toHaveLength(10);
    expect(existsSync(second.vaultPath)).toBe(true);
  }, 120_000);
});
