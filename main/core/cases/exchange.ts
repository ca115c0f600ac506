// Case files in and out (docs/case-format.md). Export is the case as stored. Import validates the
// whole file first and reports every problem with its JSON path; only a file with none is stored,
// in one transaction, as a new case (new case id; the ids inside the file are kept).
//
// Attachments: a case file carries attachment metadata but never the bytes, so import refuses a
// file whose `attachments` list is not empty (one issue per entry) rather than invent files that
// do not exist. Moving a case with its files is the job of the encrypted exchange bundle.
import { randomUUID } from 'node:crypto';
import type { Issue } from '../../../preload/contract';
import { CaseDetails, CaseFile, HouseholdMember, RiskAssessment } from '../../../preload/schemas/case-file';
import { z } from 'zod';
import { BriefcaseError, issuesFromZod } from '../errors';
import { referenceIndex } from '../reference/service';
import type { Db } from '../vault/sqlite';
import { checkDetails, checkHousehold, checkRisks } from './checks';
import * as repo from './repository';
import { insertCase, noAttachments, readCase, type AttachmentLister } from './store';

export function exportCase(db: Db, id: string, listAttachments: AttachmentLister = noAttachments): CaseFile {
  return readCase(db, id, listAttachments).file;
}

/** Every problem in `raw` as a case file for this vault; the parsed file when there are none. */
export function validateCaseFile(db: Db, raw: unknown): { file: CaseFile | null; issues: Issue[] } {
  const parsed = CaseFile.safeParse(raw);
  const issues: Issue[] = parsed.success ? [] : issuesFromZod(parsed.error);
  // The schema stops at the first broken level, so the reference checks run on every section that
  // is valid by itself: a bad date in the client does not hide an unknown risk factor.
  const object = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const section = <T>(schema: z.ZodType<T>, key: string): T | null => {
    if (parsed.success) return (parsed.data as Record<string, unknown>)[key] as T;
    const result = schema.safeParse(object[key]);
    return result.success ? result.data : null;
  };
  const reference = referenceIndex(db);
  const details = section(CaseDetails, 'details');
  if (details) {
    issues.push(...checkDetails(details, reference, 'details.'));
    if (repo.referenceExists(db, details.reference)) issues.push({ path: 'details.reference', message: 'validation.duplicateReference' });
  }
  const household = section(z.array(HouseholdMember), 'household');
  if (household) issues.push(...checkHousehold(household, (id) => repo.caseExists(db, id), null, 'household.'));
  const risks = section(z.array(RiskAssessment), 'risks');
  if (risks) issues.push(...checkRisks(risks, reference, 'risks.'));
  const attachments = Array.isArray(object.attachments) ? object.attachments : [];
  attachments.forEach((_, index) => issues.push({ path: `attachments.${index}`, message: 'validation.invalidValue' }));
  return { file: parsed.success && issues.length === 0 ? parsed.data : null, issues: dedupe(issues) };
}

export function importCase(db: Db, raw: unknown, now = new Date()): { id: string } {
  const id = randomUUID();
  db.transaction(() => {
    const { file, issues } = validateCaseFile(db, raw);
    if (!file) {
      const onlyDuplicate = issues.length > 0 && issues.every((i) => i.message === 'validation.duplicateReference');
      throw new BriefcaseError(onlyDuplicate ? 'DUPLICATE_REFERENCE' : 'INVALID_INPUT', issues);
    }
    insertCase(db, id, file, now.toISOString());
  })();
  return { id };
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
