// Citations: [@excerpt-id] recognised only where unescaped, numbered footnotes in order of first
// appearance, the first citation of a source in full and later ones short with a cross-reference,
// pinpoints in the document's language, and unknown or unlinked excerpts refused by name.
import { describe, expect, it } from 'vitest';
import { FootnoteBook, markCitations, shortTitle, splitPlaceholders, type CitableExcerpt } from '../../../main/core/documents/citations';
import { composeDocument } from '../../../main/core/documents/compose';
import { narrativeMarkdown } from '../../../main/core/documents/liquid';
import { inlineText, type Block, type Inline } from '../../../main/core/documents/model';
import { BriefcaseError } from '../../../main/core/errors';
import { composeSetup, TODAY } from '../../fixtures/documents/compose/setup';

const excerpt = (id: string, sourceId: string, page: string): CitableExcerpt => ({
  id,
  pinpoint: { page, paragraph: null, section: null },
  source: { id: sourceId, publisher: 'DIS', title: `Report ${sourceId}`, date: '2019-02', documentNumber: null, url: `https://example.org/${sourceId}`, doi: null },
  annex: null,
});

/** Every inline run of the blocks, in reading order. */
const runs = (blocks: Block[]): Inline[] =>
  blocks.flatMap((b) => (b.type === 'list' ? b.items.flatMap(runs) : b.type === 'pageBreak' ? [] : b.content));

describe('recognising citations', () => {
  it('marks unescaped [@id] only, in order, and leaves escaped ones as text', () => {
    const { markdown, ids } = markCitations('a [@one] b \\[@two] c \\\\[@three] [@one]');
    expect(ids).toEqual(['one', 'three', 'one']);
    expect(markdown).toContain('\\[@two]');
    expect(splitPlaceholders(markdown).filter((part) => typeof part === 'number')).toEqual([0, 1, 2]);
  });

  it("keeps the lawyer's citations and paragraphs but escapes all other Markdown", () => {
    expect(narrativeMarkdown('See **this** [@x-1].\n\n# Not a heading')).toBe('See \\*\\*this\\*\\* [@x-1]\\.\n\n\\# Not a heading');
  });

  it('shortens long titles to the part before the colon or six words', () => {
    expect(shortTitle('Guidelines on International Protection No. 3: Cessation of Refugee Status')).toBe('Guidelines on International Protection No. 3');
    expect(shortTitle('Syria – Military Service')).toBe('Syria – Military Service');
    expect(shortTitle('One two three four five six seven eight nine')).toBe('One two three four five six…');
  });
});

describe('numbering footnotes', () => {
  it('gives the first citation of a source in full and later ones short, with a cross-reference', () => {
    const known = new Map([excerpt('a', 's1', '12'), excerpt('b', 's1', '14'), excerpt('c', 's2', '3')].map((e) => [e.id, e]));
    const book = new FootnoteBook('en', (id) => known.get(id));
    expect(['c', 'a', 'b', 'zzz', 'a'].map((id) => book.cite(id)?.number ?? null)).toEqual([1, 2, 3, null, 4]);
    expect(book.unknown).toEqual(['zzz']);
    const notes = book.footnotes().map((n) => inlineText(n.content));
    expect(notes).toEqual([
      'DIS, Report s2, February 2019, p. 3, https://example.org/s2.',
      'DIS, Report s1, February 2019, p. 12, https://example.org/s1.',
      'DIS, Report s1, p. 14; see n. 2.',
      'DIS, Report s1, p. 12; see n. 2.',
    ]);
    const danish = new FootnoteBook('da', (id) => known.get(id));
    danish.cite('a');
    danish.cite('b');
    expect(danish.footnotes().map((n) => inlineText(n.content))).toEqual(['DIS, Report s1, februar 2019, s. 12, https://example.org/s1.', 'DIS, Report s1, s. 14; se note 1.']);
  });
});

describe('citations in a composed brief', () => {
  it('numbers footnotes in order of appearance, one per mark, full then short per source', async () => {
    const s = await composeSetup();
    const { document } = composeDocument(s.api.vault.db, { caseId: s.caseId, templateId: 'brief', language: 'da' }, { today: TODAY });
    const marks = runs(document.blocks).flatMap((run) => (run.type === 'footnote' ? [run.number] : []));
    expect(marks).toEqual(document.footnotes.map((_, i) => i + 1));
    expect(document.footnotes.map((n) => n.number)).toEqual(marks);
    const notes = document.footnotes.map((n) => inlineText(n.content));
    const firstDis = notes.findIndex((n) => n.startsWith('DIS'));
    // The source's first citation: publisher, title, date, pinpoint, URL (as a link), its annex.
    expect(notes[firstDis]).toBe(
      'DIS, Fictionland: Security Situation in the Capital Province and Issues Regarding Return to Fictionland, februar 2019, s. 12, https://example.org/dis-2019 (bilag 2).',
    );
    expect(document.footnotes[firstDis]!.content).toContainEqual({ type: 'link', text: 'https://example.org/dis-2019', url: 'https://example.org/dis-2019' });
    const later = notes.slice(firstDis + 1).filter((n) => n.startsWith('DIS'));
    expect(later.length).toBeGreaterThan(0);
    for (const note of later) expect(note).toMatch(new RegExp(`^DIS, Fictionland: Security Situation in the Capital…, s\\. 1[24](, pkt\\. 3)?; se note ${firstDis + 1}\\.$`));
    expect(notes).toContainEqual('UNHCR, International Protection Considerations for People Fleeing Fictionland, Update VI, HCR/PC/FIC/2021/06, marts 2021, pkt. 40.');
    expect(notes).toContainEqual('EUAA, Country Guidance: Fictionland, februar 2023, afsn. 4.2.');
  });

  it('stops generation naming each excerpt that is not in the library or not linked to the case', async () => {
    const s = await composeSetup();
    await s.setRisk('illegal-exit', { lawyerSummary: `See [@${s.excerpts.unlinked}] and [@no-such-excerpt], and again [@no-such-excerpt].` });
    let caught: unknown;
    try {
      composeDocument(s.api.vault.db, { caseId: s.caseId, templateId: 'brief', language: 'en' }, { today: TODAY });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BriefcaseError);
    expect((caught as BriefcaseError).code).toBe('UNKNOWN_CITATION');
    expect((caught as BriefcaseError).issues).toEqual([
      { path: s.excerpts.unlinked, message: 'validation.unknownCitation', params: { reference: s.excerpts.unlinked } },
      { path: 'no-such-excerpt', message: 'validation.unknownCitation', params: { reference: 'no-such-excerpt' } },
    ]);
  });

  it('never cites from text the client gave: [@id] in the facts prints as written', async () => {
    const s = await composeSetup();
    await s.setRisk('illegal-exit', { clientFacts: `They wrote [@${s.excerpts.dis12}] on the paper.` });
    const { document } = composeDocument(s.api.vault.db, { caseId: s.caseId, templateId: 'brief', language: 'en' }, { today: TODAY });
    const text = runs(document.blocks).map((run) => (run.type === 'text' ? run.text : '')).join('');
    expect(text).toContain(`They wrote [@${s.excerpts.dis12}] on the paper.`);
  });
});
