// Reference data the case file points into: jurisdictions (protection bases, authorities,
// deadline kinds), regions of countries of origin, and the risk-factor catalogue. Shipped as JSON
// under templates/, validated by these schemas when loaded; a clinic's own risk factors are stored
// in the vault with the same shape.
import { z } from 'zod';
import { requiredLine } from './text';

export const Labels = z.object({ da: requiredLine(300), en: requiredLine(300) }).strict();
export type Labels = z.infer<typeof Labels>;

const Option = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/), labels: Labels }).strict();
export type Option = z.infer<typeof Option>;

export const Jurisdiction = z
  .object({
    id: z.string().regex(/^[a-z]{2}$/),
    labels: Labels,
    protectionBases: z.array(Option.extend({ statute: z.string().optional() }).strict()).min(1),
    authorities: z.array(Option).min(1),
    deadlineKinds: z.array(Option).min(1),
  })
  .strict();
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const RegionList = z
  .object({
    /** ISO 3166-1 alpha-2 country code. */
    country: z.string().regex(/^[A-Z]{2}$/),
    labels: Labels,
    /** What the regions are called (governorates, provinces, …). */
    regionKind: Labels,
    regions: z.array(Option).min(1),
  })
  .strict();
export type RegionList = z.infer<typeof RegionList>;

export const RiskField = z.discriminatedUnion('type', [
  z.object({ id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), type: z.literal('boolean'), labels: Labels }).strict(),
  z
    .object({ id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), type: z.literal('number'), labels: Labels, min: z.number().optional(), max: z.number().optional() })
    .strict(),
  z.object({ id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), type: z.literal('text'), labels: Labels }).strict(),
  z.object({ id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), type: z.literal('date'), labels: Labels }).strict(),
]);
export type RiskField = z.infer<typeof RiskField>;

export const RiskFactor = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
    labels: Labels,
    descriptions: Labels.optional(),
    fields: z.array(RiskField).default([]),
    /** Where the factor is named in COI (citations as plain text, for the lawyer's orientation). */
    basis: z.array(z.string()).default([]),
    /** "catalogue" for shipped factors, "clinic" for a clinic's own. */
    origin: z.enum(['catalogue', 'clinic']).default('catalogue'),
  })
  .strict();
export type RiskFactor = z.infer<typeof RiskFactor>;

export const RiskCatalogue = z
  .object({
    format: z.literal('briefcase-risk-catalogue'),
    version: z.number().int().min(1),
    factors: z.array(RiskFactor).min(1),
  })
  .strict();
export type RiskCatalogue = z.infer<typeof RiskCatalogue>;

/** Everything the intake screens need to show lists and labels. */
export const ReferenceData = z.object({
  jurisdictions: z.array(Jurisdiction),
  regionLists: z.array(RegionList),
  riskCatalogue: z.object({ version: z.number().int(), factors: z.array(RiskFactor) }),
});
export type ReferenceData = z.infer<typeof ReferenceData>;
