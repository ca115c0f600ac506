// Linking evidence to a case and the suggestions per present risk factor: tags matched to the
// factor, the client's origin (country filters, region ranks), stale sources halved; a link to a
// factor the catalogue does not know is refused; a linked excerpt cannot be deleted.
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases/service';
import { updateSection } from '../../../main/core/cases/update';
import { link, listLinks, suggest } from '../../../main/core/evidence/links';
import { deleteExcerpt, saveExcerpt, saveSource } from '../../../main/core/evidence/service';
import { CaseDetails, type SourceFields } from '../../../preload/contract';
import { openVault } from '../cases/fixtures';

const TODAY = new Date('2026-11-23T12:00:00Z');

function source(title: string, date: string, countries: string[]): SourceFields {
  return { publisher: 'DIS', title, date, documentNumber: null, doi: null, url: null, language: 'en', kind: 'coi_report', countries, regions: [], methodNotes: '', supersededById: null };
}

describe('case evidence links and suggestions', () => {
  it('suggests by factor tags and origin, ranks region and freshness, and never sources about other countries only', async () => {
    const vault = await openVault();
    const db = vault.db;
    const c = createCase(db, { reference: 'BC-7', clientName: 'Samir Testsen' }, TODAY);
    updateSection(db, { id: c.id, revision: 0, update: { section: 'details', value: CaseDetails.parse({ reference: 'BC-7', origin: { country: 'SY', region: 'damascus' } }) } });
    updateSection(db, {
      id: c.id,
      revision: 0,
      update: { section: 'risks', value: [{ factorId: 'draft-evasion', state: 'present', fields: {}, clientFacts: '', lawyerSummary: '', sources: [] }] },
    });

    const syria = saveSource(db, { source: source('Syria report', '2026-05', ['SY']) });
    const oldSyria = saveSource(db, { source: source('Old Syria report', '2016-05', ['SY']) });
    const eritrea = saveSource(db, { source: source('Eritrea report', '2026-05', ['ER']) });
    const general = saveSource(db, { source: source('General report', '2026-01', []) });
    const excerpt = (sourceId: string, page: string, topic: string[], place: string[], profile: string[] = []) =>
      saveExcerpt(db, { excerpt: { sourceId, text: `Fictional passage ${page}.`, pinpoint: { page, paragraph: null, section: null }, language: 'en', tags: { topic, place, profile } } });
    const inDamascus = excerpt(syria.id, '1', ['military-service'], ['damascus']);
    const elsewhere = excerpt(syria.id, '2', ['military-service'], ['aleppo']);
    const stale = excerpt(oldSyria.id, '3', ['military-service'], ['damascus'], ['draft-evaders']);
    const eritrean = excerpt(eritrea.id, '4', ['military-service'], [], ['draft-evaders']);
    const unrelated = excerpt(syria.id, '5', ['women'], ['damascus']);
    const worldwide = excerpt(general.id, '6', ['military-service'], []);

    const [factor] = suggest(db, { caseId: c.id, limit: 10 }, TODAY).factors;
    expect(factor!.factorId).toBe('draft-evasion');
    const order = factor!.items.map((item) => item.excerpt.id);
    // 2 topic + 2 region = 4; stale (2 topic + 3 profile + 2 region) × 0.5 = 3.5; 2; 2 (newer first).
    expect(order).toEqual([inDamascus.id, stale.id, elsewhere.id, worldwide.id]);
    expect(order).not.toContain(eritrean.id);
    expect(order).not.toContain(unrelated.id);
    expect(factor!.items.find((item) => item.excerpt.id === stale.id)!.currency.stale).toBe(true);

    expect(() => link(db, { caseId: c.id, excerptId: inDamascus.id, riskFactorId: 'draft-evason' }, TODAY)).toThrow('INVALID_INPUT');
    expect(listLinks(db, c.id, TODAY).items).toHaveLength(0);
    link(db, { caseId: c.id, excerptId: inDamascus.id, riskFactorId: 'draft-evasion' }, TODAY);
    link(db, { caseId: c.id, excerptId: inDamascus.id, riskFactorId: 'draft-evasion' }, TODAY);
    expect(listLinks(db, c.id, TODAY).items.map((item) => [item.excerpt.id, item.riskFactorId])).toEqual([[inDamascus.id, 'draft-evasion']]);
    expect(suggest(db, { caseId: c.id, limit: 10 }, TODAY).factors[0]!.items[0]).toMatchObject({ linked: true });
    expect(() => deleteExcerpt(db, inDamascus.id)).toThrow('IN_USE');
    vault.lock();
  });
});
