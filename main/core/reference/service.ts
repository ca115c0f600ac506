// Reference data: the shipped lists (data.ts) plus the clinic's own risk factors from the vault.
// The shipped catalogue is versioned and never changed by a clinic; its own factors are added
// beside it with origin 'clinic' and a generated id.
import { randomUUID } from 'node:crypto';
import { RiskFactor, type Labels, type ReferenceData, type RiskField } from '../../../preload/schemas/catalogue';
import { BriefcaseError } from '../errors';
import type { Db } from '../vault/sqlite';
import { shippedCatalogue, shippedJurisdictions, shippedRegionLists } from './data';
import * as repo from './repository';

export function clinicFactors(db: Db): RiskFactor[] {
  return repo.listClinicFactors(db).map((data) => RiskFactor.parse(JSON.parse(data)));
}

export function getReference(db: Db): ReferenceData {
  return {
    jurisdictions: shippedJurisdictions,
    regionLists: shippedRegionLists,
    riskCatalogue: { version: shippedCatalogue.version, factors: [...shippedCatalogue.factors, ...clinicFactors(db)] },
  };
}

export function addFactor(
  db: Db,
  input: { labels: Labels; descriptions?: Labels | undefined; fields: RiskField[] },
  now = new Date(),
): RiskFactor {
  const seen = new Set<string>();
  const issues = input.fields.flatMap((field, index) => {
    const duplicate = seen.has(field.id);
    seen.add(field.id);
    return duplicate ? [{ path: `fields.${index}.id`, message: 'validation.duplicateId' }] : [];
  });
  if (issues.length > 0) throw new BriefcaseError('INVALID_INPUT', issues);
  const factor = RiskFactor.parse({
    id: `clinic-${randomUUID()}`,
    labels: input.labels,
    ...(input.descriptions ? { descriptions: input.descriptions } : {}),
    fields: input.fields,
    basis: [],
    origin: 'clinic',
  });
  repo.insertClinicFactor(db, { id: factor.id, data: JSON.stringify(factor), created_at: now.toISOString() });
  return factor;
}

/** What the case checks need: lookups by id, built once per call. */
export interface ReferenceIndex {
  jurisdiction(id: string): ReferenceData['jurisdictions'][number] | undefined;
  regionList(country: string): ReferenceData['regionLists'][number] | undefined;
  factor(id: string): RiskFactor | undefined;
}

export function referenceIndex(db: Db): ReferenceIndex {
  const data = getReference(db);
  const factors = new Map(data.riskCatalogue.factors.map((factor) => [factor.id, factor]));
  return {
    jurisdiction: (id) => data.jurisdictions.find((j) => j.id === id),
    regionList: (country) => data.regionLists.find((r) => r.country === country),
    factor: (id) => factors.get(id),
  };
}
