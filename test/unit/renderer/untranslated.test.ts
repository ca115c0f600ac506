// Every word a person sees in the app comes from the catalogues, so switching to Danish or English
// switches all of it. Each renderer component is parsed with the TypeScript compiler and checked
// for JSX text, string children and visible attributes (aria-label, title, placeholder, alt,
// label, *Label, *Title) that are literal text instead of t(...).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { untranslatedStrings } from './visible-strings';

const root = join(import.meta.dirname, '..', '..', '..');
const components = readdirSync(join(root, 'renderer', 'src'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.tsx'))
  .map((entry) => join(entry.parentPath, entry.name));

describe('untranslated visible strings', () => {
  it('finds none in any renderer component', () => {
    expect(components.length).toBeGreaterThan(50);
    const findings = components.flatMap((file) =>
      untranslatedStrings(readFileSync(file, 'utf8'), file).map((found) => `${relative(root, file)}:${found.line} ${found.where} "${found.text}"`),
    );
    expect(findings, 'put these texts in en.json and da.json and show them with t()').toEqual([]);
  });

  it('catches literal text in JSX, in string children and in visible attributes', () => {
    const component = `
      export function Dialog({ busy }: { busy: boolean }) {
        return (
          <section aria-label="Delete case" title={busy ? 'Working' : t('ok')}>
            <h2>Delete the case?</h2>
            {busy && 'Please wait'}
            <input placeholder="Client name" />
            <img alt="Logo" src="x.png" />
            <ConfirmButton confirmLabel="Yes, delete" />
            <p>{\`Saved \${when}\`}</p>
          </section>
        );
      }`;
    expect(untranslatedStrings(component).map((found) => `${found.where} ${found.text}`)).toEqual([
      'aria-label= Delete case',
      'title= Working',
      'JSX text Delete the case?',
      'JSX child Please wait',
      'placeholder= Client name',
      'alt= Logo',
      'confirmLabel= Yes, delete',
      'JSX child Saved',
    ]);
  });

  it('lets through translated text, punctuation, names from data, code-like attributes and the allow list', () => {
    const component = `
      export function Row({ item }: { item: { name: string } }) {
        return (
          <tr className="row row--open" data-testid="case-row" aria-label={t('cases.open', { name: item.name })}>
            {/* A comment is not shown */}
            <td>{item.name}</td>
            <td> · </td>
            <td>{t('cases.status')}: {item.name}</td>
            <td title="SHA-256">SHA-256</td>
            <td>PDF</td>
            <td>{'—'}</td>
          </tr>
        );
      }`;
    expect(untranslatedStrings(component)).toEqual([]);
  });

  it('gives the line of each finding so it can be fixed', () => {
    const [found] = untranslatedStrings('const a = 1;\nconst b = (\n  <p>Missing</p>\n);\n');
    expect(found).toEqual({ line: 3, text: 'Missing', where: 'JSX text' });
  });
});
