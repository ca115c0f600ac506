// The checks a schema cannot make alone: ids that must exist in the reference data or the vault,
// and a risk factor's structured fields against its definition in the catalogue. Each returns
// issues (path + i18n key); `at` is the path prefix of the checked value in the caller's input
// ("details." in a case file, "update.value." in an autosave).
import type { Issue } from '../../../preload/contract';
import type { CaseDetails, HouseholdMember, RiskAssessment } from '../../../preload/schemas/case-file';
import type { RiskField } from '../../../preload/schemas/catalogue';
import { isValidPartialDate } from '../../../preload/schemas/dates';
import type { ReferenceIndex } from '../reference/service';

const issue = (path: string, message: string): Issue => ({ path, message });

export function checkDetails(details: CaseDetails, reference: ReferenceIndex, at: string): Issue[] {
  const issues: Issue[] = [];
  const jurisdiction = reference.jurisdiction(details.jurisdiction);
  if (!jurisdiction) issues.push(issue(`${at}jurisdiction`, 'validation.invalidValue'));
  else if (details.protectionBasis && !jurisdiction.protectionBases.some((basis) => basis.id === details.protectionBasis)) {
    issues.push(issue(`${at}protectionBasis`, 'validation.invalidValue'));
  }
  const { country, region } = details.origin;
  if (country && !/^[A-Z]{2}$/.test(country)) issues.push(issue(`${at}origin.country`, 'validation.countryCode'));
  if (region) {
    const list = country ? reference.regionList(country) : undefined;
    if (!list || !list.regions.some((r) => r.id === region)) issues.push(issue(`${at}origin.region`, 'validation.invalidValue'));
  }
  return issues;
}

/** A linked case must be in this vault (and not the case itself). */
export function checkHousehold(
  household: HouseholdMember[],
  caseExists: (id: string) => boolean,
  selfId: string | null,
  at: string,
): Issue[] {
  return household.flatMap((member, index) =>
    member.linkedCaseId && (member.linkedCaseId === selfId || !caseExists(member.linkedCaseId))
      ? [issue(`${at}${index}.linkedCaseId`, 'validation.invalidValue')]
      : [],
  );
}

export function checkRisks(risks: RiskAssessment[], reference: ReferenceIndex, at: string): Issue[] {
  const issues: Issue[] = [];
  risks.forEach((risk, index) => {
    const factor = reference.factor(risk.factorId);
    if (!factor) {
      issues.push(issue(`${at}${index}.factorId`, 'validation.invalidValue'));
      return;
    }
    for (const [id, value] of Object.entries(risk.fields)) {
      const definition = factor.fields.find((field) => field.id === id);
      const path = `${at}${index}.fields.${id}`;
      if (!definition) issues.push(issue(path, 'validation.unknownField'));
      else {
        const message = checkField(definition, value);
        if (message) issues.push(issue(path, message));
      }
    }
  });
  return issues;
}

/** null is "not answered yet" and fits every field. */
function checkField(field: RiskField, value: string | number | boolean | null): string | null {
  if (value === null) return null;
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'validation.invalidType';
    case 'text':
      return typeof value === 'string' ? null : 'validation.invalidType';
    case 'date':
      if (typeof value !== 'string') return 'validation.invalidType';
      return isValidPartialDate(value) ? null : 'validation.partialDate';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'validation.invalidType';
      if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) return 'validation.invalidValue';
      return null;
  }
}

/** Risk sources must name a timeline event or an attachment of the case. */
export function checkRiskSources(
  risks: RiskAssessment[],
  pools: { timeline: Set<string>; attachment: Set<string> },
  at: string,
): Issue[] {
  return risks.flatMap((risk, index) =>
    risk.sources.flatMap((source, s) =>
      pools[source.kind].has(source.id) ? [] : [issue(`${at}${index}.sources.${s}.id`, 'validation.unknownSource')],
    ),
  );
}
