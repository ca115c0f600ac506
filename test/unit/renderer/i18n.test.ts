// The two catalogues stay in step: the same keys, the same {{placeholders}}, no empty texts, and a
// translation for every error code, every validation key the core or the renderer can produce,
// every case status and every literal key passed to t() in the code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseStatus, errorCodes, Language } from '../../../preload/contract';
import da from '../../../renderer/src/i18n/da.json';
import en from '../../../renderer/src/i18n/en.json';

type Catalogue = { [key: string]: string | Catalogue };
const catalogues = { da: da as Catalogue, en: en as Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

const flat = { da: flatten(catalogues.da), en: flatten(catalogues.en) };
const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];

/** A key t() can resolve: itself, or its plural forms. */
const hasKey = (keys: Map<string, string>, key: string) =>
  keys.has(key) || PLURAL_SUFFIXES.some((suffix) => keys.has(`${key}${suffix}`));

const root = join(import.meta.dirname, '..', '..', '..');
function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
const sources = [...sourceFiles('preload'), ...sourceFiles('main'), ...sourceFiles('renderer/src')].map((file) => ({
  file,
  text: readFileSync(file, 'utf8'),
}));

function matches(pattern: RegExp): Set<string> {
  const found = new Set<string>();
  for (const { text } of sources) for (const match of text.matchAll(pattern)) found.add(match[1]!);
  return found;
}

describe('i18n catalogues', () => {
  it('have the same keys in Danish and English', () => {
    expect([...flat.da.keys()].sort()).toEqual([...flat.en.keys()].sort());
  });

  it('have no empty texts and the same {{placeholders}} in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of flat.en) {
      const danish = flat.da.get(key) ?? '';
      expect(english.trim(), `en: ${key}`).not.toBe('');
      expect(danish.trim(), `da: ${key}`).not.toBe('');
      expect(placeholders(danish), key).toEqual(placeholders(english));
    }
  });

  it('translate every error code of the contract', () => {
    expect(errorCodes.length).toBeGreaterThan(0);
    for (const code of errorCodes) {
      for (const language of Language.options) expect(flat[language].has(`errors.${code}`), `${language}: errors.${code}`).toBe(true);
    }
  });

  it('translate every validation key used in the contract, the core and the renderer', () => {
    const used = matches(/['"`](validation\.[A-Za-z]+)['"`]/g);
    for (const key of ['validation.required', 'validation.tooLong', 'validation.passphraseTooShort', 'validation.controlCharacters']) {
      expect(used, `the contract uses ${key}`).toContain(key);
    }
    for (const key of used) {
      for (const language of Language.options) expect(flat[language].has(key), `${language}: ${key}`).toBe(true);
    }
  });

  it('translate every case status and both language names', () => {
    for (const language of Language.options) {
      for (const status of CaseStatus.options) expect(flat[language].has(`caseStatus.${status}`), `${language}: ${status}`).toBe(true);
      for (const name of Language.options) expect(flat[language].has(`languages.${name}`)).toBe(true);
    }
  });

  it('use the same Danish word for each term everywhere', () => {
    // The glossary (docs/i18n.md): one Danish word per thing, so a person never wonders whether
    // "adgangsfrase" and "adgangssætning" are two different secrets.
    const glossary: { term: string; danish: RegExp; notInDanish: RegExp }[] = [
      { term: 'vault', danish: /\bboks/i, notInDanish: /\bvaults?\b|pengeskab/i },
      { term: 'passphrase', danish: /adgangssætning/i, notInDanish: /adgangsfrase|kodesætning|passphrase|kodeord|password/i },
      { term: 'backup', danish: /sikkerhedskopi/i, notInDanish: /\bbackup(s|pen|perne)?\b/i },
      { term: 'audit log', danish: /revisionslog/i, notInDanish: /\baudit|logbog/i },
      { term: 'case', danish: /\bsag/i, notInDanish: /\bcases?\b/i },
      { term: 'client', danish: /\bklient/i, notInDanish: /\bclients?\b/i },
    ];
    // Quoted names ("backups" folder, a CLI command), options (--passphrase-env), placeholders and
    // template paths (client.name) are not Danish prose.
    const prose = (text: string) =>
      text
        .replace(/\{\{[^}]*\}\}/g, '')
        .replace(/“[^”]*”|»[^«]*«|`[^`]*`|"[^"]*"/g, '')
        .replace(/--[\w-]+/g, '')
        .replace(/\b[\w-]+(\.[\w-]+)+\b/g, '');
    const danishTexts = [...flat.da].map(([key, text]) => ({ key, text: prose(text) }));
    for (const { term, danish, notInDanish } of glossary) {
      expect(danishTexts.some(({ text }) => danish.test(text)), `Danish for ${term} is used`).toBe(true);
      const wrong = danishTexts.filter(({ text }) => notInDanish.test(text)).map(({ key }) => key);
      expect(wrong, `Danish for "${term}" is ${danish.source}`).toEqual([]);
    }
  });

  it('translate every Danish text: one the same as English is made only of words both languages share', () => {
    // Words that are spelt the same in Danish and English (and the names of the app, formats and
    // the two languages, each written in its own language). Anything else the same in both
    // catalogues is English left in da.json.
    const sameInBoth = new Set(
      'Briefcase Dansk English Status Religion E-mail Note Type Id Version Format Zoom Import Operation Word DOCX PDF SHA-256 CSL-JSON RIS DOI URL KiB MiB'.split(' '),
    );
    const untranslated = [...flat.en]
      .filter(([key, english]) => flat.da.get(key) === english)
      .filter(([, english]) => (english.replace(/\{\{[^}]*\}\}/g, '').match(/\p{L}[\p{L}\d-]*/gu) ?? []).some((word) => !sameInBoth.has(word)))
      .map(([key, english]) => `${key}: ${english}`);
    expect(untranslated).toEqual([]);
  });

  it('have every literal key the code passes to t()', () => {
    const used = matches(/\bt\(\s*'([A-Za-z][\w-]*(?:\.[\w-]+)+)'/g);
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) {
      for (const language of Language.options) expect(hasKey(flat[language], key), `${language}: ${key}`).toBe(true);
    }
  });
});
