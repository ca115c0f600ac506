// The case file: everything intake records about one case, as one versioned JSON document.
// The same schemas validate the app's autosaves (one section at a time), the CLI's
// `case import`, and `case show --json`; docs/case.schema.json is generated from CaseFile.
//
// Lists that differ per jurisdiction or clinic (protection bases, governorates, authorities, risk
// factors) are ids into data files under templates/, never enums here: the core checks the ids.
import { z } from 'zod';
import { Cpr } from './cpr';
import { FullDate, OptionalPartialDate, PartialDate, mayBeInOrder } from './dates';
import { Id, longText, optionalLine, requiredLine } from './text';

export const CASE_FILE_FORMAT = 'briefcase-case';
export const CASE_FILE_VERSION = 1;

export const CaseStatus = z.enum(['intake', 'drafting', 'submitted', 'hearing_set', 'decided', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CaseOutcome = z.enum(['permit_maintained', 'permit_revoked', 'remitted', 'withdrawn', 'other']);
export const Sex = z.enum(['female', 'male', 'other', 'unknown']);
export const Relationship = z.enum(['spouse', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'other']);
export const Whereabouts = z.enum(['denmark', 'country_of_origin', 'elsewhere', 'unknown']);
export const FactSource = z.enum(['client_interview', 'document', 'third_party', 'other']);
export const RiskState = z.enum(['present', 'absent', 'not_assessed']);

export const CaseReference = requiredLine(64);

// ----------------------------------------------------------------------------------------------
// Sections

export const Client = z
  .object({
    /** Name in Latin script, as the authorities write it. */
    name: requiredLine(200),
    /** Name in the original script (often Arabic, right to left). */
    nameOriginal: optionalLine(200).default(null),
    otherSpellings: z.array(requiredLine(200)).max(20).default([]),
    birthDate: OptionalPartialDate.default(null),
    sex: Sex.nullable().default(null),
    /** ISO 3166-1 alpha-2 code of the nationality; null with stateless=true for stateless people. */
    nationality: optionalLine(2).pipe(z.string().regex(/^[A-Z]{2}$/, 'validation.countryCode').nullable()).default(null),
    stateless: z.boolean().default(false),
    /** Special-category data (GDPR art. 9): optional, and marked as such in the UI. */
    ethnicity: optionalLine(100).default(null),
    religion: optionalLine(100).default(null),
    languages: z.array(z.object({ language: requiredLine(80), dialect: optionalLine(80).default(null) }).strict()).max(10).default([]),
    interpreter: z
      .object({ needed: z.boolean(), language: optionalLine(80).default(null), dialect: optionalLine(80).default(null) })
      .strict()
      .default({ needed: false, language: null, dialect: null }),
    contact: z
      .object({
        phone: optionalLine(40).default(null),
        email: optionalLine(200).pipe(z.email('validation.email').nullable()).default(null),
        address: longText(500).default(''),
      })
      .strict()
      .default({ phone: null, email: null, address: '' }),
    /** Danish personal number, DDMMYY-SSSS. */
    cpr: Cpr.default(null),
    /** The authorities' own case numbers (e.g. the Immigration Service's, the Board's). */
    authorityCaseNumbers: z
      .array(z.object({ authority: requiredLine(80), number: requiredLine(80) }).strict())
      .max(20)
      .default([]),
  })
  .strict()
  .superRefine((client, ctx) => {
    if (client.stateless && client.nationality) {
      ctx.addIssue({ code: 'custom', path: ['nationality'], message: 'validation.statelessWithNationality' });
    }
  });
export type Client = z.infer<typeof Client>;

export const KeyDates = z
  .object({
    arrival: OptionalPartialDate.default(null),
    permitGranted: OptionalPartialDate.default(null),
    permitExpiry: OptionalPartialDate.default(null),
    /** The date of the decision being appealed. */
    decision: OptionalPartialDate.default(null),
    decisionReceived: OptionalPartialDate.default(null),
    hearing: OptionalPartialDate.default(null),
  })
  .strict();

/** Pairs that must be in order, each with the field blamed and the message shown there. */
const DATE_ORDER: [keyof z.infer<typeof KeyDates>, keyof z.infer<typeof KeyDates>, string][] = [
  ['arrival', 'permitGranted', 'validation.permitBeforeArrival'],
  ['permitGranted', 'permitExpiry', 'validation.expiryBeforePermit'],
  ['permitGranted', 'decision', 'validation.decisionBeforePermit'],
  ['decision', 'decisionReceived', 'validation.receivedBeforeDecision'],
  ['decision', 'hearing', 'validation.hearingBeforeDecision'],
];

export const CaseDetails = z
  .object({
    reference: CaseReference,
    status: CaseStatus.default('intake'),
    outcome: CaseOutcome.nullable().default(null),
    /** Id of a jurisdiction in templates/jurisdictions (e.g. "dk"). */
    jurisdiction: requiredLine(40).default('dk'),
    /** Id from the jurisdiction's list of protection bases (e.g. "dk-7-3"). */
    protectionBasis: optionalLine(40).default(null),
    dates: KeyDates.default({ arrival: null, permitGranted: null, permitExpiry: null, decision: null, decisionReceived: null, hearing: null }),
    origin: z
      .object({
        /** ISO country code of the country of origin. */
        country: optionalLine(2).default(null),
        /** Id from the country's list of regions (for Syria: its governorates). */
        region: optionalLine(60).default(null),
        /** City, district or camp, as the client says it. */
        place: optionalLine(200).default(null),
      })
      .strict()
      .default({ country: null, region: null, place: null }),
    assignedLawyer: optionalLine(120).default(null),
    assignedParalegal: optionalLine(120).default(null),
  })
  .strict()
  .superRefine((details, ctx) => {
    for (const [earlier, later, message] of DATE_ORDER) {
      const a = details.dates[earlier];
      const b = details.dates[later];
      if (a && b && !mayBeInOrder(a, b)) ctx.addIssue({ code: 'custom', path: ['dates', later], message });
    }
    if (details.outcome && details.status !== 'decided' && details.status !== 'closed') {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'validation.outcomeBeforeDecision' });
    }
  });
export type CaseDetails = z.infer<typeof CaseDetails>;

export const HouseholdMember = z
  .object({
    id: Id,
    name: requiredLine(200),
    nameOriginal: optionalLine(200).default(null),
    relationship: Relationship,
    birthDate: OptionalPartialDate.default(null),
    whereabouts: Whereabouts.default('unknown'),
    /** Their own status, in words (e.g. "s.7(3), revoked 2021", "refugee status, kept"). */
    status: optionalLine(200).default(null),
    /** Their own case in this vault, so a family decided together stays together. */
    linkedCaseId: Id.nullable().default(null),
    notes: longText(5_000).default(''),
  })
  .strict();
export type HouseholdMember = z.infer<typeof HouseholdMember>;

export const TimelineEvent = z
  .object({
    id: Id,
    date: PartialDate,
    description: requiredLine(2_000),
    source: FactSource,
    /** Which document, which interview, which third party. */
    sourceDetail: optionalLine(300).default(null),
  })
  .strict();
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const Deadline = z
  .object({
    id: Id,
    /** Id from the jurisdiction's deadline kinds, or the clinic's own words. */
    kind: requiredLine(80),
    dueOn: FullDate,
    done: z.boolean().default(false),
    note: optionalLine(300).default(null),
  })
  .strict();
export type Deadline = z.infer<typeof Deadline>;

export const RiskSource = z.object({ kind: z.enum(['attachment', 'timeline']), id: Id }).strict();

export const RiskAssessment = z
  .object({
    /** Id of a factor in the risk catalogue (templates/risk-factors or the clinic's own). */
    factorId: requiredLine(80),
    state: RiskState.default('not_assessed'),
    /** The factor's structured fields (its catalogue entry says which, and their types). */
    fields: z.record(z.string(), z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()])).default({}),
    /** The facts in the client's own words. */
    clientFacts: longText().default(''),
    /** The lawyer's summary. */
    lawyerSummary: longText().default(''),
    sources: z.array(RiskSource).max(100).default([]),
  })
  .strict();
export type RiskAssessment = z.infer<typeof RiskAssessment>;

/** Attachment metadata; the bytes live encrypted in the vault and never in the case JSON. */
export const AttachmentMeta = z
  .object({
    id: Id,
    name: requiredLine(255),
    mediaType: requiredLine(120),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'validation.sha256'),
    /** The date of the document itself (a decision letter's date), not when it was added. */
    documentDate: OptionalPartialDate.default(null),
    description: optionalLine(300).default(null),
    addedAt: z.iso.datetime(),
  })
  .strict();
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

// ----------------------------------------------------------------------------------------------
// The whole file

const uniqueIds = (items: { id: string }[], ctx: z.RefinementCtx, path: string) => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [path, index, 'id'], message: 'validation.duplicateId' });
    seen.add(item.id);
  });
};

export const CaseFile = z
  .object({
    format: z.literal(CASE_FILE_FORMAT),
    version: z.literal(CASE_FILE_VERSION, 'validation.unsupportedVersion'),
    /** Generated by the vault; absent in a file written by hand, ignored on import. */
    id: Id.optional(),
    details: CaseDetails,
    client: Client,
    household: z.array(HouseholdMember).max(50).default([]),
    timeline: z.array(TimelineEvent).max(2_000).default([]),
    deadlines: z.array(Deadline).max(500).default([]),
    risks: z.array(RiskAssessment).max(100).default([]),
    attachments: z.array(AttachmentMeta).max(1_000).default([]),
    createdAt: z.iso.datetime().optional(),
    updatedAt: z.iso.datetime().optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    uniqueIds(file.household, ctx, 'household');
    uniqueIds(file.timeline, ctx, 'timeline');
    uniqueIds(file.deadlines, ctx, 'deadlines');
    uniqueIds(file.attachments, ctx, 'attachments');
    const factors = new Set<string>();
    file.risks.forEach((risk, index) => {
      if (factors.has(risk.factorId)) ctx.addIssue({ code: 'custom', path: ['risks', index, 'factorId'], message: 'validation.duplicateFactor' });
      factors.add(risk.factorId);
      risk.sources.forEach((source, s) => {
        const pool = source.kind === 'timeline' ? file.timeline : file.attachments;
        if (!pool.some((item) => item.id === source.id)) {
          ctx.addIssue({ code: 'custom', path: ['risks', index, 'sources', s, 'id'], message: 'validation.unknownSource' });
        }
      });
    });
  });
export type CaseFile = z.infer<typeof CaseFile>;
export type CaseFileInput = z.input<typeof CaseFile>;

/** The sections the app saves one at a time (autosave), each with its own revision. */
export const SECTIONS = ['details', 'client', 'household', 'timeline', 'deadlines', 'risks'] as const;
export type Section = (typeof SECTIONS)[number];
export const SectionRevisions = z.object(Object.fromEntries(SECTIONS.map((s) => [s, z.number().int().min(0)])) as Record<Section, z.ZodNumber>);
export type SectionRevisions = z.infer<typeof SectionRevisions>;

/** A case as the app edits it: the file, its id, and the revision of each section. */
export const CaseRecord = z.object({
  id: Id,
  file: CaseFile,
  revisions: SectionRevisions,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

/** One autosave: a whole section, with the revision the editor started from. */
export const SectionUpdate = z.discriminatedUnion('section', [
  z.object({ section: z.literal('details'), value: CaseDetails }).strict(),
  z.object({ section: z.literal('client'), value: Client }).strict(),
  z.object({ section: z.literal('household'), value: z.array(HouseholdMember).max(50) }).strict(),
  z.object({ section: z.literal('timeline'), value: z.array(TimelineEvent).max(2_000) }).strict(),
  z.object({ section: z.literal('deadlines'), value: z.array(Deadline).max(500) }).strict(),
  z.object({ section: z.literal('risks'), value: z.array(RiskAssessment).max(100) }).strict(),
]);
export type SectionUpdate = z.infer<typeof SectionUpdate>;
