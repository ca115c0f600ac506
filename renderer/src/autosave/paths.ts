// Where a problem belongs in a section's form. The core reports paths of the whole call
// ("update.value.dates.decision"); the form knows the section only ("dates.decision"), and the
// list sections are wrapped as { items: [...] } because a form's root must be an object.
import type { Section } from '../../../preload/contract';

export const LIST_SECTIONS: readonly Section[] = ['household', 'timeline', 'deadlines', 'risks'];

export function formPathOf(section: Section, issuePath: string): string | null {
  const prefix = 'update.value';
  if (issuePath !== prefix && !issuePath.startsWith(`${prefix}.`)) return null;
  const inner = issuePath.slice(prefix.length + 1);
  if (LIST_SECTIONS.includes(section)) return inner ? `items.${inner}` : 'items';
  return inner || null;
}
