// Autosave: one section of a case at a time, with optimistic concurrency. The editor sends the
// revision it started from; if the section has moved on since (another window saved), the save is
// refused with EDIT_CONFLICT and nothing is written. A save checks the same ids as an import,
// writes the section, the columns derived from it and the case's updated_at in one transaction,
// and bumps that section's revision.
import type { Issue } from '../../../preload/contract';
import type { CaseFile, SectionRevisions, SectionUpdate } from '../../../preload/schemas/case-file';
import { writeDeadlines } from '../deadlines/service';
import { BriefcaseError } from '../errors';
import { referenceIndex } from '../reference/service';
import type { Db } from '../vault/sqlite';
import { checkDetails, checkHousehold, checkRiskSources, checkRisks } from './checks';
import * as repo from './repository';
import * as sections from './sections-repository';
import { duplicateReference } from './service';
import { noAttachments, revisionsOf, type AttachmentLister } from './store';

/** Issues are reported at the path of the value in the method's input: `update.value.…`. */
const AT = 'update.value.';

export function updateSection(
  db: Db,
  input: { id: string; revision: number; update: SectionUpdate },
  options: { now?: Date; listAttachments?: AttachmentLister } = {},
): { revisions: SectionRevisions; updatedAt: string } {
  const { id, revision, update } = input;
  const updatedAt = (options.now ?? new Date()).toISOString();
  return db.transaction(() => {
    const current = sections.revisionOf(db, id, update.section);
    if (current === undefined) throw new BriefcaseError('NOT_FOUND');
    if (current !== revision) throw new BriefcaseError('EDIT_CONFLICT');

    const issues = check(db, id, update, options.listAttachments ?? noAttachments);
    if (update.section === 'details' && repo.referenceExists(db, update.value.reference, id)) {
      if (issues.length === 0) throw duplicateReference(`${AT}reference`);
      issues.push({ path: `${AT}reference`, message: 'validation.duplicateReference' });
    }
    if (issues.length > 0) throw new BriefcaseError('INVALID_INPUT', issues);

    const data = update.section === 'deadlines' ? null : JSON.stringify(update.value);
    if (!sections.writeSection(db, { case_id: id, section: update.section, expected: revision, data, updated_at: updatedAt })) {
      throw new BriefcaseError('EDIT_CONFLICT');
    }
    if (update.section === 'details') repo.setDetailsColumns(db, id, { reference: update.value.reference, status: update.value.status });
    if (update.section === 'client') {
      repo.setClientColumns(db, id, { client_name: update.value.name, client_name_original: update.value.nameOriginal });
    }
    if (update.section === 'deadlines') writeDeadlines(db, id, update.value);
    repo.touchCase(db, id, updatedAt);
    return { revisions: revisionsOf(db, id), updatedAt };
  })();
}

function check(db: Db, id: string, update: SectionUpdate, listAttachments: AttachmentLister): Issue[] {
  switch (update.section) {
    case 'details':
      return checkDetails(update.value, referenceIndex(db), AT);
    case 'household':
      return checkHousehold(update.value, (other) => repo.caseExists(db, other), id, AT);
    case 'risks': {
      const timeline = JSON.parse(sections.dataOf(db, id, 'timeline') ?? '[]') as CaseFile['timeline'];
      const pools = {
        timeline: new Set(timeline.map((event) => event.id)),
        attachment: new Set(listAttachments(db, id).map((attachment) => attachment.id)),
      };
      return [...checkRisks(update.value, referenceIndex(db), AT), ...checkRiskSources(update.value, pools, AT)];
    }
    default:
      return [];
  }
}
