// The demo case: one complete, fictional case (a family of four whose protection status was not
// extended, three present risk factors with the client's facts and the lawyer's summary citing
// the starter library). Everything here is invented: the people, their case numbers, the decision.
// Used by the app's demo vault (open-demo.ts), `npm run demo` (scripts/demo.ts), the end-to-end
// tests and the benchmark, so all of them show and generate from the same case.
import type { CaseFileInput } from '../../../preload/contract';

export const DEMO_REFERENCE = '2026-200';

/** Starter-library excerpts (templates/evidence/starter.json) cited by the demo case. */
export const EXCERPTS = {
  /** The Local: refugees must now show an individual motive, e.g. refusal of military service. */
  individualMotive: '396cb56a-df3c-54d7-bdbe-671cc3fb0d24',
  /** The Local: the 2020 DIS report relied on Skype and e-mail, not a visit. */
  remoteReport: '2c42d489-7b95-5889-8e81-105f02ca7c09',
  /** The Local: the 2019 report was made on the ground, the later one not. */
  earlierOnGround: '94d8e548-af30-5891-a6dd-836e74e00eba',
  /** Amnesty UA 45/21: real risk for residents of Damascus and Rif Dimashq on return. */
  realRisk: '7214fd83-c881-51ad-88e5-cd05063227aa',
  /** Amnesty UA 45/21: security clearance, interrogation by the security forces. */
  securityClearance: '3c12a90f-cb33-5602-98d0-2745c7d80c62',
  /** Amnesty: having fled is enough to be targeted. */
  havingFled: '4cfb9346-b973-5921-80f4-a7573841707a',
  /** The Local: the authorities' view that Damascus is stable, fewer checkpoints. */
  authoritiesView: '61ab1e29-5107-533b-a82d-63df4e0ac5af',
} as const;

/** Which excerpt is linked to what: a risk factor, or (null) the case as a whole. */
export const DEMO_LINKS: { excerptId: string; riskFactorId: string | null }[] = [
  { excerptId: EXCERPTS.individualMotive, riskFactorId: 'family-of-wanted' },
  { excerptId: EXCERPTS.securityClearance, riskFactorId: 'family-of-wanted' },
  { excerptId: EXCERPTS.havingFled, riskFactorId: 'illegal-exit' },
  { excerptId: EXCERPTS.realRisk, riskFactorId: 'illegal-exit' },
  { excerptId: EXCERPTS.securityClearance, riskFactorId: 'perceived-opposition' },
  { excerptId: EXCERPTS.havingFled, riskFactorId: 'perceived-opposition' },
  { excerptId: EXCERPTS.remoteReport, riskFactorId: null },
  { excerptId: EXCERPTS.earlierOnGround, riskFactorId: null },
  { excerptId: EXCERPTS.authoritiesView, riskFactorId: null },
];

const cite = (key: keyof typeof EXCERPTS) => `[@${EXCERPTS[key]}]`;

/** The fictional case, in the case JSON format (docs/case-format.md). */
export function demoCaseFile(): CaseFileInput {
  const id = (n: number) => `0d3e5f00-2026-4200-8000-${String(n).padStart(12, '0')}`;
  return {
    format: 'briefcase-case',
    version: 1,
    details: {
      reference: DEMO_REFERENCE,
      status: 'drafting',
      jurisdiction: 'dk',
      protectionBasis: 'dk-7-3',
      dates: { arrival: '2015-09', permitGranted: '2016-02-11', permitExpiry: '2021-02-11', decision: '2025-09-18', decisionReceived: '2025-09-22', hearing: null },
      origin: { country: 'SY', region: 'rif-dimashq', place: 'Testby (fictional), Rif Dimashq' },
      assignedLawyer: 'Advokat Eva Eksempel',
      assignedParalegal: 'Paula Prøve',
    },
    client: {
      name: 'Samir Testsen',
      nameOriginal: 'سمير تستسن',
      otherSpellings: ['Sameer Testsen'],
      birthDate: '1981-04-02',
      sex: 'male',
      nationality: 'SY',
      languages: [{ language: 'Arabic', dialect: 'Levantine' }, { language: 'Danish', dialect: null }],
      interpreter: { needed: true, language: 'Arabic', dialect: 'Levantine' },
      contact: { phone: '+45 00 00 00 00', email: 'samir.testsen@example.org', address: 'Eksempelvej 1\n0000 Testby' },
      authorityCaseNumbers: [
        { authority: 'dis', number: 'DEMO-US-0200' },
        { authority: 'rab', number: 'DEMO-FN-0200' },
      ],
    },
    household: [
      { id: id(1), name: 'Amal Testdatter', nameOriginal: 'أمل تستداتر', relationship: 'spouse', birthDate: '1984', whereabouts: 'denmark', status: 's.7(3), not extended 2025', notes: 'Works as a kitchen assistant.' },
      { id: id(2), name: 'Nour Testsen', relationship: 'child', birthDate: '2010-06', whereabouts: 'denmark', status: 's.7(3), not extended 2025', notes: 'Danish upper secondary school; does not read Arabic.' },
      { id: id(3), name: 'Yusuf Testsen', relationship: 'child', birthDate: '2016-01-20', whereabouts: 'denmark', status: 's.7(3), not extended 2025', notes: 'Born in Denmark; 4th grade.' },
    ],
    timeline: [
      { id: id(11), date: '2012-03', description: 'Samir’s younger brother is called up for military service and does not report.', source: 'client_interview', sourceDetail: 'Intake interview, 12 January 2026' },
      { id: id(12), date: '2013-05', description: 'Security officers search the family home in Testby and ask for the brother.', source: 'client_interview', sourceDetail: 'Intake interview, 12 January 2026' },
      { id: id(13), date: '2015-08', description: 'The family leaves Syria without passing an official border crossing.', source: 'client_interview', sourceDetail: null },
      { id: id(14), date: '2015-09', description: 'Arrival in Denmark; asylum applied for.', source: 'document', sourceDetail: 'Registration receipt' },
      { id: id(15), date: '2016-02-11', description: 'Temporary protection status granted under s.7(3).', source: 'document', sourceDetail: 'Decision letter' },
      { id: id(16), date: '2025-09-18', description: 'The Immigration Service decides not to extend the permits of the family.', source: 'document', sourceDetail: 'Decision letter (annex 1)' },
    ],
    deadlines: [{ id: id(21), kind: 'brief', dueOn: '2026-12-15', done: false, note: 'Brief to the Board with annexes' }],
    risks: [
      {
        factorId: 'family-of-wanted',
        state: 'present',
        fields: { relative: 'Younger brother (draft evader since 2012)' },
        clientFacts: 'My brother did not go when they called him. In 2013 men from the security branch came to our house, searched it and asked where he was. They said they would come back for me.',
        lawyerSummary: `The client is the brother of a draft evader and the authorities have already searched the family home for him. Family members of draft evaders are questioned and detained as a means of pressure ${cite('individualMotive')}, and returnees must pass a security clearance with interrogation by the same forces ${cite('securityClearance')}.`,
        sources: [{ kind: 'timeline', id: id(12) }],
      },
      {
        factorId: 'illegal-exit',
        state: 'present',
        fields: { exitDate: '2015-08' },
        clientFacts: 'We crossed into Lebanon on foot at night with the children. We had no passports stamped.',
        lawyerSummary: `The family left without passing an official border crossing and applied for asylum abroad. Having fled is in itself enough to be targeted on return ${cite('havingFled')}, and residents of Rif Dimashq still face a real risk of persecution ${cite('realRisk')}.`,
        sources: [{ kind: 'timeline', id: id(13) }],
      },
      {
        factorId: 'perceived-opposition',
        state: 'present',
        fields: {},
        clientFacts: 'Because my brother refused and we left, they think we are against the government.',
        lawyerSummary: `The authorities may regard the family as opponents because of the brother’s evasion and their flight ${cite('havingFled')}; the security clearance on return is carried out by forces responsible for torture and enforced disappearance ${cite('securityClearance')}.`,
        sources: [],
      },
      { factorId: 'women-children', state: 'absent' },
    ],
  };
}
