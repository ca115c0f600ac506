// Each section's form: its values (what the inputs hold), the schema that checks them (the
// contract's own section schema, so the form and the core agree) and the value that is sent.
import { z } from 'zod';
import {
  CaseDetails,
  Client,
  Deadline,
  HouseholdMember,
  RiskAssessment,
  TimelineEvent,
  type CaseFile,
  type RiskAssessment as RiskAssessmentValue,
  type RiskFactor,
} from '../../../preload/contract';

export interface SectionSpec<F> {
  toForm: (file: CaseFile) => F;
  schema: z.ZodType<unknown, F>;
  toValue: (parsed: unknown) => unknown;
}

// ---- Client: other spellings are typed one per line.
export type ClientForm = Omit<z.input<typeof Client>, 'otherSpellings'> & { otherSpellingsText: string };

const clientFromForm = (value: unknown) => {
  if (!value || typeof value !== 'object') return value;
  const { otherSpellingsText, ...rest } = value as { otherSpellingsText?: unknown };
  const lines = typeof otherSpellingsText === 'string' ? otherSpellingsText.split('\n').map((line) => line.trim()).filter(Boolean) : [];
  return { ...rest, otherSpellings: lines };
};

export const clientSpec: SectionSpec<ClientForm> = {
  toForm: (file) => {
    const { otherSpellings, ...rest } = file.client;
    return { ...rest, otherSpellingsText: otherSpellings.join('\n') };
  },
  schema: z.preprocess(clientFromForm, Client) as unknown as z.ZodType<unknown, ClientForm>,
  toValue: (parsed) => parsed,
};

// ---- Case details.
export type DetailsForm = z.input<typeof CaseDetails>;
export const detailsSpec: SectionSpec<DetailsForm> = {
  toForm: (file) => file.details,
  schema: CaseDetails as unknown as z.ZodType<unknown, DetailsForm>,
  toValue: (parsed) => parsed,
};

// ---- The list sections, as { items }.
function listSpec<T>(item: z.ZodType, max: number, pick: (file: CaseFile) => T[]): SectionSpec<{ items: T[] }> {
  return {
    toForm: (file) => ({ items: pick(file) }),
    schema: z.object({ items: z.array(item).max(max, 'validation.tooLong') }) as unknown as z.ZodType<unknown, { items: T[] }>,
    toValue: (parsed) => (parsed as { items: unknown[] }).items,
  };
}

export type MemberForm = z.input<typeof HouseholdMember>;
export const householdSpec = listSpec<MemberForm>(HouseholdMember, 50, (file) => file.household);

export type EventForm = z.input<typeof TimelineEvent>;
export const timelineSpec = listSpec<EventForm>(TimelineEvent, 2_000, (file) => file.timeline);

export type DeadlineForm = z.input<typeof Deadline>;
export const deadlinesSpec = listSpec<DeadlineForm>(Deadline, 500, (file) => file.deadlines);

/** Every catalogue factor gets an entry (not yet assessed until someone says otherwise). */
export function riskItems(file: CaseFile, factors: RiskFactor[]): RiskAssessmentValue[] {
  const known = new Map(file.risks.map((risk) => [risk.factorId, risk]));
  const items = factors.map(
    (factor) =>
      known.get(factor.id) ?? { factorId: factor.id, state: 'not_assessed' as const, fields: {}, clientFacts: '', lawyerSummary: '', sources: [] },
  );
  const catalogued = new Set(factors.map((factor) => factor.id));
  return [...items, ...file.risks.filter((risk) => !catalogued.has(risk.factorId))];
}

export const risksSpec = (factors: RiskFactor[]): SectionSpec<{ items: RiskAssessmentValue[] }> => ({
  ...listSpec<RiskAssessmentValue>(RiskAssessment, 100, (file) => riskItems(file, factors)),
});

export const newId = () => crypto.randomUUID();
