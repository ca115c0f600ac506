// Where a missing field is filled in: a template's required field is a path into the template's
// data ("client.name", "case.decisionDate", "household", "risks"…), and the pre-flight report
// names the intake section that holds it, with a button that goes there. Read by segment, so a
// field the table does not know is still reported (only without a section).

export type SectionId =
  | 'section-client'
  | 'section-details'
  | 'section-household'
  | 'section-timeline'
  | 'section-deadlines'
  | 'section-risks'
  | 'section-evidence'
  | 'section-attachments';

export interface IntakeSection {
  id: SectionId;
  /** The section's own title (the same key as its heading and "On this page"). */
  titleKey: string;
}

const SECTIONS: Record<SectionId, string> = {
  'section-client': 'intake.client.title',
  'section-details': 'intake.details.title',
  'section-household': 'intake.household.title',
  'section-timeline': 'intake.timeline.title',
  'section-deadlines': 'intake.deadlines.title',
  'section-risks': 'intake.risks.title',
  'section-evidence': 'evidence.links.title',
  'section-attachments': 'attachments.title',
};

/** Words a path segment may be (case-insensitive), and the section each belongs to. */
const WORDS: [RegExp, SectionId][] = [
  [/^(client|clientname|cpr|nationality|languages|interpreter|contact|authoritycasenumbers|casenumbers|numbers|numberof)$/i, 'section-client'],
  [/^(household|family|members|children|spouse)$/i, 'section-household'],
  [/^(timeline|events|history|facts|flight)$/i, 'section-timeline'],
  [/^(deadlines|deadline)$/i, 'section-deadlines'],
  [/^(risks|risk|factors|riskfactors|presentrisks)$/i, 'section-risks'],
  [/^(evidence|excerpts|citations|sources)$/i, 'section-evidence'],
  [/^(attachments|annexes)$/i, 'section-attachments'],
  [/^(case|details|dates|decision|decisiondate|protectionbasis|origin|lawyer|assignedlawyer|reference|jurisdiction|hearing)$/i, 'section-details'],
];

function sectionOfSegment(segment: string): SectionId | null {
  for (const [pattern, id] of WORDS) if (pattern.test(segment)) return id;
  return null;
}

/**
 * The section holding a field. "case.x" is read by its second segment when that names a section
 * of its own ("case.household" is the household), otherwise it is the case details.
 */
export function sectionForField(path: string): IntakeSection | null {
  const segments = path.split('.').filter(Boolean);
  const [first, second] = segments;
  if (!first) return null;
  let id = sectionOfSegment(first);
  if ((id === 'section-details' || id === null) && second) {
    const inner = sectionOfSegment(second);
    if (inner && inner !== 'section-details') id = inner;
    else if (id === null) id = inner;
  }
  return id ? { id, titleKey: SECTIONS[id] } : null;
}

/** Scroll to a section of the case page and put the keyboard focus on its heading. */
export function goToSection(id: SectionId): void {
  const heading = document.getElementById(`${id}-title`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}
