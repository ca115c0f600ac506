// Excerpts selected for a case (for the case as a whole, or for one risk factor), and suggestions:
// for each risk factor marked present, excerpts whose tags match the factor's topic and profile
// tags (templates/evidence/tags.json "factors") and the client's origin region (place tags), best
// first; stale sources are marked and rank lower; sources that cover other countries only (not the
// client's country of origin) are left out. The selection is what documents will cite.
import type { CaseEvidenceItem, FactorSuggestions, LibraryExcerpt } from '../../../preload/schemas/evidence';
import { listAttachments } from '../attachments/service';
import { getCase } from '../cases/service';
import { referenceIndex } from '../reference/service';
import { BriefcaseError } from '../errors';
import type { Db } from '../vault/sqlite';
import { currencies, toBrief, toExcerpt } from './convert';
import * as repo from './repository';
import { shippedTags } from './tags';

export function listLinks(db: Db, caseId: string, today = new Date()): { items: CaseEvidenceItem[] } {
  if (!repo.caseExists(db, caseId)) throw new BriefcaseError('NOT_FOUND');
  const links = repo.links(db, caseId);
  const excerpts = new Map(repo.excerptsByIds(db, [...new Set(links.map((l) => l.excerpt_id))]).map((e) => [e.id, e]));
  const sources = new Map(repo.sourcesByIds(db, [...new Set([...excerpts.values()].map((e) => e.source_id))]).map((s) => [s.id, s]));
  const currency = currencies(db, [...sources.values()], today);
  return {
    items: links.map((link) => {
      const excerpt = excerpts.get(link.excerpt_id)!;
      const source = sources.get(excerpt.source_id)!;
      return {
        excerpt: toExcerpt(excerpt),
        source: toBrief(source),
        currency: currency.get(source.id)!,
        riskFactorId: link.risk_factor_id === '' ? null : link.risk_factor_id,
        addedAt: link.added_at,
      };
    }),
  };
}

export function link(db: Db, input: { caseId: string; excerptId: string; riskFactorId: string | null }, now = new Date()): { items: CaseEvidenceItem[] } {
  db.transaction(() => {
    if (!repo.caseExists(db, input.caseId) || !repo.getExcerpt(db, input.excerptId)) throw new BriefcaseError('NOT_FOUND');
    // A link to a factor the catalogue does not know (a typo on the command line) would be stored
    // and never shown: refused with the field named.
    if (input.riskFactorId !== null && !referenceIndex(db).factor(input.riskFactorId)) {
      throw new BriefcaseError('INVALID_INPUT', [{ path: 'riskFactorId', message: 'validation.invalidValue' }]);
    }
    repo.insertLink(db, { case_id: input.caseId, excerpt_id: input.excerptId, risk_factor_id: input.riskFactorId ?? '', added_at: now.toISOString() });
  })();
  return listLinks(db, input.caseId, now);
}

export function unlink(db: Db, input: { caseId: string; excerptId: string; riskFactorId: string | null }, now = new Date()): { items: CaseEvidenceItem[] } {
  db.transaction(() => {
    if (!repo.caseExists(db, input.caseId)) throw new BriefcaseError('NOT_FOUND');
    repo.deleteLink(db, { case_id: input.caseId, excerpt_id: input.excerptId, risk_factor_id: input.riskFactorId ?? '' });
  })();
  return listLinks(db, input.caseId, now);
}

/** Score: 3 per matching profile tag, 2 per topic tag, 2 for the origin region; stale halves it. */
export function suggest(db: Db, input: { caseId: string; limit: number }, today = new Date()): { factors: FactorSuggestions[] } {
  const record = getCase(db, input.caseId, listAttachments);
  const { region, country } = record.file.details.origin;
  const linked = new Set(repo.links(db, input.caseId).map((l) => `${l.excerpt_id}|${l.risk_factor_id}`));
  const factors: FactorSuggestions[] = [];
  for (const risk of record.file.risks) {
    if (risk.state !== 'present') continue;
    const wanted = shippedTags.factors[risk.factorId] ?? { topic: [], profile: [] };
    const tags = [...wanted.topic.map((tag) => ({ axis: 'topic', tag })), ...wanted.profile.map((tag) => ({ axis: 'profile', tag }))];
    const hits = repo.excerptsWithTags(db, tags);
    const candidates = new Map<string, LibraryExcerpt['tags']>();
    for (const hit of hits) {
      const matched = candidates.get(hit.excerpt_id) ?? { topic: [], place: [], profile: [] };
      matched[hit.axis as 'topic' | 'profile'].push(hit.tag);
      candidates.set(hit.excerpt_id, matched);
    }
    const tagged = repo.excerptsByIds(db, [...candidates.keys()]);
    const sources = new Map(
      repo
        .sourcesByIds(db, [...new Set(tagged.map((e) => e.source_id))])
        .filter((source) => coversCountry(source.countries, country))
        .map((s) => [s.id, s]),
    );
    const excerpts = tagged.filter((row) => sources.has(row.source_id));
    const currency = currencies(db, [...sources.values()], today);
    const items = excerpts.map((row) => {
      const excerpt = toExcerpt(row);
      const matched = candidates.get(row.id)!;
      if (region && excerpt.tags.place.includes(region)) matched.place.push(region);
      const fresh = currency.get(row.source_id)!;
      const score = (3 * matched.profile.length + 2 * matched.topic.length + 2 * matched.place.length) * (fresh.stale ? 0.5 : 1);
      return {
        excerpt,
        source: toBrief(sources.get(row.source_id)!),
        currency: fresh,
        score,
        matched,
        linked: linked.has(`${row.id}|${risk.factorId}`),
      };
    });
    items.sort((a, b) => b.score - a.score || (b.source.date ?? '').localeCompare(a.source.date ?? '') || a.excerpt.id.localeCompare(b.excerpt.id));
    factors.push({ factorId: risk.factorId, items: items.slice(0, input.limit) });
  }
  return { factors };
}

/** Whether a source (its countries as stored JSON) may speak to the client's country of origin. */
function coversCountry(countries: string, country: string | null): boolean {
  if (!country) return true;
  const covered = JSON.parse(countries) as string[];
  return covered.length === 0 || covered.includes(country);
}
