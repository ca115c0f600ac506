// The COI evidence library: sources (reports, guidance, case law) and the excerpts a lawyer cites
// from them, each with a pinpoint and tags on three axes. The same schemas validate the app's
// forms, the library file (`evidence export` / import; docs/evidence.schema.json is generated from
// EvidenceLibraryFile) and the starter set in templates/evidence/starter.json.
//
// Tag ids are ids into data (templates/evidence/tags.json plus a clinic's own tags in the vault),
// never enums here: the list grows without a release.
import { z } from 'zod';
import { AttachmentMeta } from './case-file';
import { Labels } from './catalogue';
import { OptionalPartialDate, PartialDate } from './dates';
import { Id, longText, optionalLine, requiredLine } from './text';

export const EVIDENCE_FILE_FORMAT = 'briefcase-evidence';
export const EVIDENCE_FILE_VERSION = 1;

export const SourceKind = z.enum(['coi_report', 'un_guidance', 'ngo_report', 'news', 'case_law', 'legislation', 'other']);
export type SourceKind = z.infer<typeof SourceKind>;

export const TagAxis = z.enum(['topic', 'place', 'profile']);
export type TagAxis = z.infer<typeof TagAxis>;
export const TAG_AXES = TagAxis.options;

/** A tag id: lower-case letters, digits, '-' and '_' (e.g. "military-service", "rif-dimashq"). */
export const TagId = z
  .string()
  .max(60, 'validation.tooLong')
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'validation.tagId');

/** ISO 3166-1 alpha-2 country code. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'validation.countryCode');

/** A language tag as written in the metadata ("en", "da", "ar", "en-GB"). */
export const LanguageTag = optionalLine(35);

// ----------------------------------------------------------------------------------------------
// Sources

/** What a lawyer records about a source. `id` and the stored document are added by the vault. */
export const SourceFields = z
  .object({
    publisher: requiredLine(300),
    title: requiredLine(1_000),
    /** The date of publication, as precisely as known (YYYY, YYYY-MM or YYYY-MM-DD). */
    date: OptionalPartialDate.default(null),
    /** The publisher's own number (e.g. "HCR/GIP/03/03", "MDE 24/4583/2021"). */
    documentNumber: optionalLine(200).default(null),
    doi: optionalLine(200).default(null),
    url: optionalLine(2_000).default(null),
    language: LanguageTag.default(null),
    kind: SourceKind.default('other'),
    countries: z.array(CountryCode).max(50).default([]),
    /** Regions covered, in words or region ids ("Damascus", "rif-dimashq"). */
    regions: z.array(requiredLine(200)).max(100).default([]),
    /** How the information was gathered (e.g. "written sources and remote interviews, no field visit"). */
    methodNotes: longText(5_000).default(''),
    /** The newer edition that replaces this one. */
    supersededById: Id.nullable().default(null),
  })
  .strict();
export type SourceFields = z.infer<typeof SourceFields>;

/** A source in the library file: its fields and its id (documents are not exported). */
export const LibrarySource = SourceFields.extend({ id: Id }).strict();
export type LibrarySource = z.infer<typeof LibrarySource>;

/** Whether a source may still be cited without a warning; computed, never stored. */
export const Currency = z.object({
  stale: z.boolean(),
  reasons: z.array(z.enum(['old', 'superseded'])),
  /** Whole months between the source's date (its earliest possible day) and today; null if undated. */
  ageMonths: z.number().int().nullable(),
  /** The newest edition in the chain of "superseded by" links, when the source is superseded. */
  newerEdition: z.object({ id: Id, title: z.string(), date: z.string().nullable() }).nullable(),
});
export type Currency = z.infer<typeof Currency>;

/** A source as the app shows it. */
export const Source = LibrarySource.extend({
  /** The stored file (PDF, saved HTML, text), if any; uploaded through attachments.begin with sourceId. */
  document: AttachmentMeta.nullable(),
  currency: Currency,
  excerptCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Source = z.infer<typeof Source>;

/** The few fields a result or a link shows about its source. */
export const SourceBrief = z.object({
  id: Id,
  title: z.string(),
  publisher: z.string(),
  date: z.string().nullable(),
  kind: SourceKind,
  documentNumber: z.string().nullable(),
});
export type SourceBrief = z.infer<typeof SourceBrief>;

// ----------------------------------------------------------------------------------------------
// Excerpts

/** Where in the source: any combination of page, paragraph and section, at least one. */
export const Pinpoint = z
  .object({
    page: optionalLine(40).default(null),
    paragraph: optionalLine(40).default(null),
    section: optionalLine(200).default(null),
  })
  .strict()
  .refine((p) => p.page !== null || p.paragraph !== null || p.section !== null, 'validation.pinpointRequired');
export type Pinpoint = z.infer<typeof Pinpoint>;

export const ExcerptTags = z
  .object({
    topic: z.array(TagId).max(50).default([]),
    place: z.array(TagId).max(50).default([]),
    profile: z.array(TagId).max(50).default([]),
  })
  .strict();
export type ExcerptTags = z.infer<typeof ExcerptTags>;

export const ExcerptFields = z
  .object({
    sourceId: Id,
    /** The quoted passage, exactly as in the source. */
    text: longText(20_000).refine((s) => s.trim() !== '', 'validation.required'),
    pinpoint: Pinpoint,
    language: LanguageTag.default(null),
    tags: ExcerptTags.default({ topic: [], place: [], profile: [] }),
  })
  .strict();
export type ExcerptFields = z.infer<typeof ExcerptFields>;

export const LibraryExcerpt = ExcerptFields.extend({ id: Id }).strict();
export type LibraryExcerpt = z.infer<typeof LibraryExcerpt>;
export const Excerpt = LibraryExcerpt;
export type Excerpt = LibraryExcerpt;

// ----------------------------------------------------------------------------------------------
// The library file

export const EvidenceLibraryFile = z
  .object({
    format: z.literal(EVIDENCE_FILE_FORMAT),
    version: z.literal(EVIDENCE_FILE_VERSION, 'validation.unsupportedVersion'),
    sources: z.array(LibrarySource).max(100_000).default([]),
    excerpts: z.array(LibraryExcerpt).max(1_000_000).default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    // Self-contained: every reference points into the same file.
    const ids = new Set<string>();
    file.sources.forEach((source, index) => {
      if (ids.has(source.id)) ctx.addIssue({ code: 'custom', path: ['sources', index, 'id'], message: 'validation.duplicateId' });
      ids.add(source.id);
    });
    file.sources.forEach((source, index) => {
      if (source.supersededById === null) return;
      if (source.supersededById === source.id || !ids.has(source.supersededById)) {
        ctx.addIssue({ code: 'custom', path: ['sources', index, 'supersededById'], message: 'validation.unknownSource' });
      }
    });
    const excerptIds = new Set<string>();
    file.excerpts.forEach((excerpt, index) => {
      if (excerptIds.has(excerpt.id)) ctx.addIssue({ code: 'custom', path: ['excerpts', index, 'id'], message: 'validation.duplicateId' });
      excerptIds.add(excerpt.id);
      if (!ids.has(excerpt.sourceId)) ctx.addIssue({ code: 'custom', path: ['excerpts', index, 'sourceId'], message: 'validation.unknownSource' });
    });
  });
export type EvidenceLibraryFile = z.infer<typeof EvidenceLibraryFile>;
export type EvidenceLibraryFileInput = z.input<typeof EvidenceLibraryFile>;

export const ImportFormat = z.enum(['auto', 'csl-json', 'ris', 'briefcase']);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const ImportResult = z.object({
  /** The format read (detected from the content when asked for 'auto'). */
  format: ImportFormat.exclude(['auto']),
  sources: z.object({ added: z.number().int(), merged: z.number().int() }),
  excerpts: z.object({ added: z.number().int(), merged: z.number().int() }),
  /** One line per source in the file, for "what was added and merged". */
  items: z.array(z.object({ id: Id, title: z.string(), publisher: z.string(), outcome: z.enum(['added', 'merged']) })),
});
export type ImportResult = z.infer<typeof ImportResult>;

// ----------------------------------------------------------------------------------------------
// Tags, settings

export const Tag = z.object({ id: TagId, labels: Labels, origin: z.enum(['shipped', 'clinic']) });
export type Tag = z.infer<typeof Tag>;

/** templates/evidence/tags.json: the shipped tag lists, and which tags each risk factor suggests. */
export const TagCatalogue = z
  .object({
    format: z.literal('briefcase-evidence-tags'),
    version: z.number().int().min(1),
    topic: z.array(z.object({ id: TagId, labels: Labels }).strict()),
    place: z.array(z.object({ id: TagId, labels: Labels }).strict()),
    profile: z.array(z.object({ id: TagId, labels: Labels }).strict()),
    /** Risk-factor id (templates/risk-factors) → the topic and profile tags whose excerpts speak to it. */
    factors: z.record(z.string(), z.object({ topic: z.array(TagId).default([]), profile: z.array(TagId).default([]) }).strict()),
  })
  .strict();
export type TagCatalogue = z.infer<typeof TagCatalogue>;

export const TagLists = z.object({ topic: z.array(Tag), place: z.array(Tag), profile: z.array(Tag) });
export type TagLists = z.infer<typeof TagLists>;

export const EvidenceSettings = z
  .object({
    /** A source older than this many months is flagged as old. */
    maxAgeMonths: z.number().int().min(1).max(600).default(24),
  })
  .strict();
export type EvidenceSettings = z.infer<typeof EvidenceSettings>;

// ----------------------------------------------------------------------------------------------
// Search, links, suggestions

export const SearchQuery = z
  .object({
    /** Words to find (all must occur; a trailing word matches as a prefix). May be empty: filters only. */
    query: z.string().max(500, 'validation.tooLong').default(''),
    topic: z.array(TagId).max(20).default([]),
    place: z.array(TagId).max(20).default([]),
    profile: z.array(TagId).max(20).default([]),
    publisher: optionalLine(300).optional(),
    country: CountryCode.optional(),
    /** Source dates from / to (inclusive; partial dates are the range they cover). */
    from: PartialDate.optional(),
    to: PartialDate.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).max(10_000).default(0),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A piece of the highlighted snippet: plain text, `match` where a query word was found. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });

export const SearchHit = z.object({
  excerpt: Excerpt,
  source: SourceBrief,
  currency: Currency,
  snippet: z.array(SnippetPart),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({ items: z.array(SearchHit), hasMore: z.boolean() });
export type SearchResult = z.infer<typeof SearchResult>;

/** An excerpt selected for a case, as a whole (riskFactorId null) or for one risk factor. */
export const CaseEvidenceItem = z.object({
  excerpt: Excerpt,
  source: SourceBrief,
  currency: Currency,
  riskFactorId: z.string().nullable(),
  addedAt: z.iso.datetime(),
});
export type CaseEvidenceItem = z.infer<typeof CaseEvidenceItem>;

export const Suggestion = z.object({
  excerpt: Excerpt,
  source: SourceBrief,
  currency: Currency,
  /** Higher is better: tag matches, the client's origin region, then freshness. */
  score: z.number(),
  matched: ExcerptTags,
  /** Already linked to this factor on this case. */
  linked: z.boolean(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const FactorSuggestions = z.object({ factorId: z.string(), items: z.array(Suggestion) });
export type FactorSuggestions = z.infer<typeof FactorSuggestions>;
