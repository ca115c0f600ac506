// Composing the brief and the cover letter from a case in an encrypted vault (created through the
// real API): the sections in order in both languages, optional parts left out, every missing
// required field named, stale sources and annexes reported, languages a template does not offer.
import { describe, expect, it } from 'vitest';
import { composeDocument, preflight } from '../../../main/core/documents/compose';
import { addTemplate } from '../../../main/core/documents/templates';
import { BriefcaseError } from '../../../main/core/errors';
import { inlineText, type Block, type ComposedDocument } from '../../../main/core/documents/model';
import type { DocumentLanguage } from '../../../preload/schemas/documents';
import { caseFile, composeSetup, TODAY, type ComposeSetup } from '../../fixtures/documents/compose/setup';

const compose = (s: ComposeSetup, templateId: string, language: DocumentLanguage) =>
  composeDocument(s.api.vault.db, { caseId: s.caseId, templateId, language }, { today: TODAY });

const headings = (doc: ComposedDocument, level: number) =>
  doc.blocks.filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && b.level === level).map((b) => inlineText(b.content));

/** Every piece of text in the document's blocks, in order. */
function texts(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.type === 'list' ? b.items.flatMap(texts) : b.type === 'pageBreak' ? [] : [inlineText(b.content)]));
}

function refusal(run: () => unknown): BriefcaseError {
  try {
    run();
  } catch (error) {
    if (error instanceof BriefcaseError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const SECTIONS: Record<DocumentLanguage, string[]> = {
  da: ['Sagen angår', 'Påstand', 'Sagsfremstilling', 'Den individuelle risiko ved en tilbagevenden', 'Baggrundsoplysningerne og deres svagheder', 'Retsgrundlaget', 'Personlige forhold (udlændingelovens § 26 og EMRK artikel 8)', 'Konklusion', 'Bilagsfortegnelse'],
  en: ['The case concerns', 'Claim', 'Statement of facts', 'The individual risk on return', 'The country information and its weaknesses', 'Legal basis', 'Personal circumstances (section 26 of the Aliens Act and Article 8 ECHR)', 'Conclusion', 'List of annexes'],
};

describe('the brief', () => {
  it.each(['da', 'en'] as const)('has the heading, the claim and every section in order (%s)', async (language) => {
    const s = await composeSetup();
    const { document, template, preflight: report } = compose(s, 'brief', language);
    expect(headings(document, 1)).toHaveLength(1);
    expect(headings(document, 2)).toEqual(SECTIONS[language]);
    expect(template).toMatchObject({ id: 'brief', origin: 'shipped', version: '1.0.0' });
    expect(document).toMatchObject({ language, author: 'Advokat Fiktiv Eksempelsen' });
    expect(document.header).toContain('BC-2026-200');
    const all = texts(document.blocks).join('\n');
    // The board, both authorities' numbers, the client (both scripts), the family members covered.
    expect(all).toContain(language === 'da' ? 'Til Flygtningenævnet' : 'Refugee Appeals Board');
    for (const text of ['FIKT-DIS-0200', 'FIKT-RAB-0200', 'Samir Testsen', 'سمير تستسن', 'ʿAbd al-Ḥakīm Ṭāhā', 'Amal Testdatter']) expect(all).toContain(text);
    expect(all).toContain(language === 'da' ? '23. november 2026' : '23 November 2026');
    expect(all).toContain(language === 'da' ? '§ 7, stk. 3' : 'section 7(3)');
    expect(all).toContain(language === 'da' ? 'marts 2012' : 'March 2012');
    // The sibling in the country of origin is not a family member in Denmark.
    expect(all.split('Karim Testsøn')).toHaveLength(1);
    expect(report.missing).toEqual([]);
  });

  it('has one subsection per PRESENT risk factor; absent and unassessed factors leave no trace', async () => {
    const s = await composeSetup();
    const { document } = compose(s, 'brief', 'en');
    expect(headings(document, 3)).toEqual(['The course of events', 'The general situation', 'Draft evasion or desertion', 'Illegal exit; asylum applied for abroad']);
    const all = texts(document.blocks).join('\n');
    expect(all).not.toContain('ABSENT-FACTOR-TEXT');
    expect(all).not.toContain('NOT-ASSESSED-TEXT');
    expect(all).not.toContain('Perceived political opposition');
    // The client's facts keep their paragraphs; the ties factor goes to the personal considerations.
    expect(all).toContain('I did not report when they called me.\nMen came to our house twice and asked for me.');
    const personal = document.blocks.findIndex((b) => b.type === 'heading' && inlineText(b.content).startsWith('Personal circumstances'));
    expect(texts(document.blocks.slice(personal)).join('\n')).toContain('I have worked in Denmark since 2018.');
  });

  it('leaves out an empty household instead of printing an empty list', async () => {
    const file = caseFile();
    file.household = [];
    const s = await composeSetup(file);
    const { document } = compose(s, 'brief', 'da');
    expect(headings(document, 2)).toEqual(SECTIONS.da);
    const all = texts(document.blocks).join('\n');
    expect(all).not.toContain('familie i Danmark');
    expect(document.blocks.filter((b) => b.type === 'list' && b.items.length === 0)).toEqual([]);
  });

  it('refuses when required data is missing, naming every missing field by its label', async () => {
    const file = caseFile();
    file.details = { ...file.details, protectionBasis: null, assignedLawyer: null, dates: { arrival: '2015-09' } };
    file.risks = [];
    const s = await composeSetup(file);
    const error = refusal(() => compose(s, 'brief', 'da'));
    expect(error.code).toBe('MISSING_FIELDS');
    expect(error.issues).toEqual([
      { path: 'case.protectionBasis', message: 'validation.missingField', params: { label: 'Opholdsgrundlag (udlændingelovens § 7, stk. 1, 2 eller 3)' } },
      { path: 'case.dates.decision', message: 'validation.missingField', params: { label: 'Datoen for den påklagede afgørelse' } },
      { path: 'case.lawyer', message: 'validation.missingField', params: { label: 'Sagens advokat' } },
      { path: 'risks', message: 'validation.missingField', params: { label: 'Mindst én individuel risikofaktor, der er til stede' } },
    ]);
    // The pre-flight reports the same without refusing, in the language asked for.
    const report = preflight(s.api.vault.db, { caseId: s.caseId, templateId: 'brief', language: 'en' }, { today: TODAY });
    expect(report.missing.map((m) => m.label)).toEqual(['Protection basis (Aliens Act s.7(1), (2) or (3))', 'The date of the decision appealed', 'The assigned lawyer', 'At least one individual risk factor marked present']);
  });

  it('reports the cited superseded source with its newer edition, and plans the annexes', async () => {
    const s = await composeSetup();
    const report = preflight(s.api.vault.db, { caseId: s.caseId, templateId: 'brief', language: 'en' }, { today: TODAY });
    expect(report.stale).toEqual([
      expect.objectContaining({ excerptId: s.excerpts.euaaOld, reasons: ['superseded'], newerEdition: expect.objectContaining({ id: s.sources.euaaNew, date: '2025-12' }) }),
    ]);
    expect(report.unknownCitations).toEqual([]);
    expect(report.annexes.map((a) => [a.number, a.kind, a.usable])).toEqual([
      [1, 'attachment', true],
      [2, 'source', true],
    ]);
    expect(report.annexList.map((a) => [a.number, a.kind, a.mediaType])).toEqual([
      [1, 'attachment', 'application/pdf'],
      [2, 'source', 'application/pdf'],
    ]);
    // Stale sources do not stop the composer: the service decides.
    const { document } = compose(s, 'brief', 'en');
    const annexList = document.blocks.at(-1);
    expect(annexList?.type === 'list' && annexList.items.map((item) => texts(item)[0])).toEqual([
      'Annex 1: Afgørelse fra Udlændingestyrelsen (4 March 2021)',
      expect.stringMatching(/^Annex 2: DIS: Fictionland: Security Situation/),
    ]);
  });

  it('refuses a language the template does not offer', async () => {
    const s = await composeSetup();
    addTemplate(s.api.vault.db, {
      files: [
        { name: 'meta.json', text: JSON.stringify({ id: 'short-note', title: { da: 'Kort notat', en: 'Short note' }, kind: 'other', version: '1.0.0', languages: ['da'], requires: [] }) },
        { name: 'da.md', text: '# Notat\n\n{{ client.name }}\n' },
      ],
    });
    expect(compose(s, 'short-note', 'da').document.blocks).toHaveLength(2);
    expect(refusal(() => compose(s, 'short-note', 'en')).code).toBe('LANGUAGE_NOT_OFFERED');
    expect(refusal(() => compose(s, 'no-such-template', 'en')).code).toBe('NOT_FOUND');
  });
});

describe('the cover letter', () => {
  it.each(['da', 'en'] as const)('encloses the brief and each annex, and is signed by the lawyer (%s)', async (language) => {
    const s = await composeSetup();
    const { document, annexes } = compose(s, 'cover-letter', language);
    const enclosures = document.blocks.find((b) => b.type === 'list');
    expect(enclosures?.type === 'list' && enclosures.ordered).toBe(true);
    const items = enclosures?.type === 'list' ? enclosures.items.map((item) => texts(item)[0]) : [];
    expect(items[0]).toMatch(language === 'da' ? /^Indlæg af 23\. november 2026/ : /^Brief of 23 November 2026/);
    expect(items.slice(1)).toHaveLength(annexes.length);
    expect(annexes.length).toBeGreaterThan(0);
    const all = texts(document.blocks);
    expect(all.at(-1)).toBe('Advokat Fiktiv Eksempelsen');
    expect(all.join('\n')).toContain('FIKT-RAB-0200');
    expect(document.footnotes).toEqual([]);
  });
});
