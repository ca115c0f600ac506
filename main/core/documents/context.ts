// The data a template sees (documented field by field in docs/templates.md). Built in two steps:
// gatherBundle() reads the case, the reference data, the linked evidence and the stored documents
// from the vault; buildContext() turns that bundle into plain, language-specific values (dates as
// words, enum ids as labels). The second step is pure, so a template can be checked against a
// fictional bundle (sample.ts) without a vault.
//
// Values are raw text here: escaping happens when Liquid prints them (escape.ts).
import type { AttachmentMeta, CaseFile } from '../../../preload/schemas/case-file';
import type { ReferenceData, RiskFactor } from '../../../preload/schemas/catalogue';
import type { DocumentLanguage } from '../../../preload/schemas/documents';
import type { Currency, LibraryExcerpt, LibrarySource } from '../../../preload/schemas/evidence';
import { partialDateRange } from '../../../preload/schemas/dates';
import { listAttachments, sourceDocuments } from '../attachments/service';
import { getCase } from '../cases/service';
import { currencies, toExcerpt, toLibrarySource } from '../evidence/convert';
import * as evidence from '../evidence/repository';
import { getReference } from '../reference/service';
import type { Db } from '../vault/sqlite';
import { FACT_SOURCE, RELATIONSHIP, SEX, WHEREABOUTS, YES_NO, countryName, formatDate, formatPinpoint, isoDay, label, yearsSince } from './labels';

/** An excerpt linked to the case (for the case as a whole when riskFactorId is null). */
export interface LinkedExcerpt {
  excerpt: LibraryExcerpt;
  source: LibrarySource;
  currency: Currency;
  riskFactorId: string | null;
}

/** Everything a document is made from, read once. */
export interface CaseBundle {
  file: CaseFile;
  reference: ReferenceData;
  links: LinkedExcerpt[];
  /** The stored document of each linked source that has one, by source id. */
  sourceDocuments: Map<string, AttachmentMeta>;
}

export function gatherBundle(db: Db, caseId: string, today: Date): CaseBundle {
  const file = getCase(db, caseId, listAttachments).file;
  const rows = evidence.links(db, caseId);
  const excerpts = new Map(evidence.excerptsByIds(db, [...new Set(rows.map((l) => l.excerpt_id))]).map((e) => [e.id, e]));
  const sourceRows = evidence.sourcesByIds(db, [...new Set([...excerpts.values()].map((e) => e.source_id))]);
  const sources = new Map(sourceRows.map((s) => [s.id, s]));
  const currency = currencies(db, sourceRows, today);
  const links = rows.flatMap((link) => {
    const excerpt = excerpts.get(link.excerpt_id);
    const source = excerpt && sources.get(excerpt.source_id);
    if (!excerpt || !source) return [];
    return [{ excerpt: toExcerpt(excerpt), source: toLibrarySource(source), currency: currency.get(source.id)!, riskFactorId: link.risk_factor_id === '' ? null : link.risk_factor_id }];
  });
  return { file, reference: getReference(db), links, sourceDocuments: sourceDocuments(db, [...sources.keys()]) };
}

/** An annex as the template lists it. */
export interface ContextAnnex {
  number: number;
  name: string;
  date: string | null;
  kind: 'attachment' | 'source';
}

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type TemplateContext = { [key: string]: Value };

const byDate = (a: string | null, b: string | null) => (a ? partialDateRange(a).first : '9999').localeCompare(b ? partialDateRange(b).first : '9999');

export function buildContext(bundle: CaseBundle, language: DocumentLanguage, today: Date, annexes: ContextAnnex[]): TemplateContext {
  const { file, reference } = bundle;
  const { details, client } = file;
  const date = (d: string | null | undefined) => formatDate(d, language);
  const jurisdiction = reference.jurisdictions.find((j) => j.id === details.jurisdiction);
  const basis = jurisdiction?.protectionBases.find((b) => b.id === details.protectionBasis);
  const authorityLabel = (id: string) => jurisdiction?.authorities.find((a) => a.id === id)?.labels[language] ?? id;
  const regionList = reference.regionLists.find((r) => r.country === details.origin.country);
  const factors = new Map(reference.riskCatalogue.factors.map((f) => [f.id, f]));

  const excerptValue = (link: LinkedExcerpt) => ({
    id: link.excerpt.id,
    text: link.excerpt.text,
    pinpoint: formatPinpoint(link.excerpt.pinpoint, language),
    sourceId: link.source.id,
    publisher: link.source.publisher,
    title: link.source.title,
    date: date(link.source.date),
    stale: link.currency.stale,
  });

  const risks = file.risks
    .filter((risk) => risk.state === 'present')
    .map((risk) => {
      const factor = factors.get(risk.factorId);
      const fields = riskFields(factor, risk.fields, language);
      return {
        id: risk.factorId,
        label: factor?.labels[language] ?? risk.factorId,
        description: factor?.descriptions?.[language] ?? null,
        fields,
        field: Object.fromEntries(fields.map((f) => [f.id, f.value])),
        clientFacts: risk.clientFacts,
        lawyerSummary: risk.lawyerSummary,
        excerpts: bundle.links.filter((l) => l.riskFactorId === risk.factorId).map(excerptValue),
      };
    });

  const sourceOrder: string[] = [];
  for (const link of bundle.links) if (!sourceOrder.includes(link.source.id)) sourceOrder.push(link.source.id);
  const sources = sourceOrder.map((id) => {
    const links = bundle.links.filter((l) => l.source.id === id);
    const source = links[0]!.source;
    const unique = links.filter((l, i) => links.findIndex((m) => m.excerpt.id === l.excerpt.id) === i);
    return {
      id,
      publisher: source.publisher,
      title: source.title,
      date: date(source.date),
      documentNumber: source.documentNumber,
      url: source.url,
      kind: source.kind,
      methodNotes: source.methodNotes,
      stale: links[0]!.currency.stale,
      excerpts: unique.map(excerptValue),
    };
  });

  const member = (m: CaseFile['household'][number]) => ({
    name: m.name,
    nameOriginal: m.nameOriginal,
    relationship: label(RELATIONSHIP, m.relationship, language),
    birthDate: date(m.birthDate),
    whereabouts: label(WHEREABOUTS, m.whereabouts, language),
    inDenmark: m.whereabouts === 'denmark',
    status: m.status,
    notes: m.notes,
  });

  const numbers = client.authorityCaseNumbers.map((n) => ({ authorityId: n.authority, authority: authorityLabel(n.authority), number: n.number }));

  return {
    language,
    today: date(isoDay(today)),
    case: {
      reference: details.reference,
      jurisdiction: jurisdiction?.labels[language] ?? details.jurisdiction,
      protectionBasis: basis ? { id: basis.id, label: basis.labels[language], statute: basis.statute ?? null } : null,
      dates: Object.fromEntries(Object.entries(details.dates).map(([key, value]) => [key, date(value)])),
      yearsSinceArrival: yearsSince(details.dates.arrival, today),
      origin: {
        country: countryName(details.origin.country, language),
        region: regionList?.regions.find((r) => r.id === details.origin.region)?.labels[language] ?? details.origin.region,
        place: details.origin.place,
      },
      lawyer: details.assignedLawyer,
      paralegal: details.assignedParalegal,
      numbers,
      numberOf: Object.fromEntries(numbers.map((n) => [n.authorityId, n.number])),
    },
    client: {
      name: client.name,
      nameOriginal: client.nameOriginal,
      otherSpellings: client.otherSpellings,
      birthDate: date(client.birthDate),
      age: yearsSince(client.birthDate, today),
      sex: label(SEX, client.sex, language),
      nationality: client.stateless ? null : countryName(client.nationality, language),
      stateless: client.stateless,
      ethnicity: client.ethnicity,
      religion: client.religion,
      languages: client.languages.map((l) => (l.dialect ? `${l.language} (${l.dialect})` : l.language)),
      interpreter: { needed: client.interpreter.needed, language: client.interpreter.language, dialect: client.interpreter.dialect },
      cpr: client.cpr,
    },
    household: file.household.map(member),
    familyInDenmark: file.household.filter((m) => m.whereabouts === 'denmark').map(member),
    timeline: [...file.timeline]
      .sort((a, b) => byDate(a.date, b.date))
      .map((e) => ({ date: date(e.date), description: e.description, source: label(FACT_SOURCE, e.source, language), sourceDetail: e.sourceDetail })),
    risks,
    risksById: Object.fromEntries(risks.map((r) => [r.id, r])),
    evidence: bundle.links.filter((l) => l.riskFactorId === null).map(excerptValue),
    sources,
    sourcesWithNotes: sources.filter((s) => s.methodNotes.trim() !== ''),
    annexes: annexes.map((a) => ({ number: a.number, name: a.name, date: date(a.date), kind: a.kind })),
  };
}

/** A factor's structured fields with their labels, formatted; fields left empty are left out. */
function riskFields(factor: RiskFactor | undefined, values: Record<string, string | number | boolean | null>, language: DocumentLanguage) {
  const defined = factor?.fields ?? [];
  return Object.entries(values)
    .filter(([, value]) => value !== null && value !== '')
    .map(([id, value]) => {
      const field = defined.find((f) => f.id === id);
      let text: string;
      if (typeof value === 'boolean') text = YES_NO[value ? 'yes' : 'no'][language];
      else if (field?.type === 'date' && typeof value === 'string') text = formatDate(value, language) ?? value;
      else text = String(value);
      return { id, label: field?.labels[language] ?? id, value: text };
    });
}

/** The value at a dotted path ("client.name", "case.numberOf.rab"), or undefined. */
export function valueAt(context: TemplateContext, path: string): unknown {
  let value: unknown = context;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A required field is missing when it is absent, null, blank text or an empty list. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}
