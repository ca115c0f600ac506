// docs/security.md is what a clinic hands its data-protection officer: every claim in it names the
// test that proves it, as "(test: <file> › <test title>)". This keeps those references true: the
// file must exist and hold a test (or describe block) with exactly that title, so renaming or
// deleting a test that backs a claim fails here until the document is corrected.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DOC = 'docs/security.md';
const OPENING = '(test: ';

/**
 * The document as blocks (a bullet or paragraph with its wrapped lines joined), without inline
 * code (where the format itself is shown), each with the line it starts on.
 */
function blocks(text: string): { line: number; text: string; bullet: boolean; heading: string }[] {
  const found: { line: number; text: string; bullet: boolean; heading: string }[] = [];
  let heading = '';
  let open: (typeof found)[number] | null = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/`[^`]*`/g, '');
    if (/^#{1,6} /.test(line)) {
      heading = line;
      open = null;
    } else if (line.trim() === '') {
      open = null;
    } else if (/^- /.test(line) || !open) {
      open = { line: index + 1, text: line.trim(), bullet: /^- /.test(line), heading };
      found.push(open);
    } else {
      open.text += ` ${line.trim()}`;
    }
  });
  return found;
}

/**
 * Every "(test: file › title)" in a block. A title may itself hold parentheses, so each closing
 * parenthesis up to the next reference is a candidate end; `known` picks the one that names a test.
 */
function references(text: string, known: (file: string, title: string) => boolean): { line: number; file: string; title: string }[] {
  return blocks(text).flatMap((block) => {
    const starts: number[] = [];
    for (let at = block.text.indexOf(OPENING); at !== -1; at = block.text.indexOf(OPENING, at + 1)) starts.push(at);
    return starts.map((start, i) => {
      const segment = block.text.slice(start + OPENING.length, starts[i + 1] ?? block.text.length);
      const [file = '', ...rest] = segment.split(' › ');
      const tail = rest.join(' › ');
      const ends = [...tail.matchAll(/\)/g)].map((m) => m.index);
      const titles = ends.map((end) => tail.slice(0, end).trim());
      const title = titles.find((candidate) => known(file, candidate)) ?? titles.at(-1) ?? tail;
      return { line: block.line, file, title };
    });
  });
}

/** A test or describe title as written in source: in '…', "…" or `…` right after it( / test( / describe(. */
function titlesIn(source: string): Set<string> {
  const titles = new Set<string>();
  const call = /\b(?:it|test|describe)(?:\.(?:each\([^)]*\)|concurrent|sequential|skipIf\([^)]*\)|runIf\([^)]*\)))*\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const m of source.matchAll(call)) titles.add(m[2]!.replace(/\\(['"`\\])/g, '$1'));
  return titles;
}

describe('docs/security.md', () => {
  const text = readFileSync(DOC, 'utf8');
  const titles = new Map<string, Set<string>>();
  const known = (file: string, title: string) => {
    if (!titles.has(file)) titles.set(file, existsSync(file) ? titlesIn(readFileSync(file, 'utf8')) : new Set());
    return titles.get(file)!.has(title);
  };
  const refs = references(text, known);

  it('backs its claims with tests', () => {
    expect(refs.length).toBeGreaterThanOrEqual(30);
  });

  it('names only tests that exist, by file and exact title', () => {
    const missing = refs.filter(({ file, title }) => !known(file, title));
    expect(missing.map(({ line, file, title }) => `line ${line}: ${file} › ${title}`)).toEqual([]);
  });

  it('leaves no bullet of a claims section without its test', () => {
    // Sections whose heading starts with "Claim" hold only claims; limits and figures live elsewhere.
    const claims = blocks(text).filter((b) => b.bullet && /^#{2,4} Claims?\b/i.test(b.heading));
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.filter((b) => !b.text.includes(OPENING)).map((b) => `line ${b.line}`)).toEqual([]);
  });
});
