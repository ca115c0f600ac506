// A complete, fictional case bundle: what a template is checked against. Every field is filled and
// every shipped risk factor is present, so a strict render reaches every variable a template may
// name; a name the data does not have is then an error with its line. Invented people only.
import { CaseFile } from '../../../preload/schemas/case-file';
import type { ReferenceData } from '../../../preload/schemas/catalogue';
import { LibraryExcerpt, LibrarySource } from '../../../preload/schemas/evidence';
import { shippedCatalogue, shippedJurisdictions, shippedRegionLists } from '../reference/data';
import type { CaseBundle, LinkedExcerpt } from './context';

export const SAMPLE_TODAY = new Date(2026, 10, 23);

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const reference: ReferenceData = {
  jurisdictions: shippedJurisdictions,
  regionLists: shippedRegionLists,
  riskCatalogue: { version: shippedCatalogue.version, factors: shippedCatalogue.factors },
};

const fieldValue = (type: string) => (type === 'boolean' ? true : type === 'number' ? 7 : type === 'date' ? '2015-09' : 'Eksempel');

const file = CaseFile.parse({
  format: 'briefcase-case',
  version: 1,
  details: {
    reference: 'SAMPLE-2026-001',
    status: 'drafting',
    jurisdiction: 'dk',
    protectionBasis: 'dk-7-3',
    dates: { arrival: '2015-09', permitGranted: '2016-02-11', permitExpiry: '2021-02-11', decision: '2021-03-04', decisionReceived: '2021-03-09', hearing: '2026-12-01' },
    origin: { country: 'SY', region: 'rif-dimashq', place: 'Testby' },
    assignedLawyer: 'Advokat Eksempel',
    assignedParalegal: 'Paula Prøve',
  },
  client: {
    name: 'Samir Testsen',
    nameOriginal: 'سمير تستسن',
    otherSpellings: ['Sameer Testsen'],
    birthDate: '1980-05-17',
    sex: 'male',
    nationality: 'SY',
    ethnicity: 'Eksempel',
    religion: 'Eksempel',
    languages: [{ language: 'Arabic', dialect: 'Levantine' }],
    interpreter: { needed: true, language: 'Arabic', dialect: 'Levantine' },
    contact: { phone: '+45 00 00 00 00', email: 'samir@example.org', address: 'Eksempelvej 1' },
    authorityCaseNumbers: [
      { authority: 'dis', number: 'SAMPLE-DIS-1' },
      { authority: 'rab', number: 'SAMPLE-RAB-1' },
    ],
  },
  household: [
    { id: id(101), name: 'Amal Testdatter', nameOriginal: 'أمل', relationship: 'spouse', birthDate: '1982', whereabouts: 'denmark', status: 's.7(3)', notes: 'Eksempel' },
  ],
  timeline: [
    { id: id(201), date: '2012-03', description: 'Eksempel', source: 'client_interview', sourceDetail: 'Eksempel' },
    { id: id(202), date: '2015', description: 'Eksempel', source: 'document', sourceDetail: 'Eksempel' },
  ],
  risks: shippedCatalogue.factors.map((factor) => ({
    factorId: factor.id,
    state: 'present',
    fields: Object.fromEntries(factor.fields.map((field) => [field.id, fieldValue(field.type)])),
    clientFacts: 'Eksempel.\n\nEksempel.',
    lawyerSummary: `Eksempel [@${id(401)}].`,
  })),
  attachments: [
    { id: id(301), name: 'afgoerelse.pdf', mediaType: 'application/pdf', size: 1, sha256: '0'.repeat(64), documentDate: '2021-03-04', description: 'Eksempel', addedAt: '2026-01-01T00:00:00.000Z' },
  ],
});

const sources = [
  LibrarySource.parse({ id: id(501), publisher: 'DIS', title: 'Eksempel: rapport', date: '2019-02', url: 'https://example.org/a', kind: 'coi_report', methodNotes: 'Eksempel' }),
  LibrarySource.parse({ id: id(502), publisher: 'UNHCR', title: 'Eksempel', date: '2025-06', documentNumber: 'EX/1', kind: 'un_guidance', methodNotes: 'Eksempel' }),
];

const excerpt = (n: number, source: number) =>
  LibraryExcerpt.parse({ id: id(n), sourceId: id(source), text: 'Eksempel.', pinpoint: { page: '3', paragraph: '2', section: null }, language: 'en' });

const fresh = { stale: false, reasons: [], ageMonths: 5, newerEdition: null };
const stale = { stale: true, reasons: ['old' as const], ageMonths: 93, newerEdition: null };

const links: LinkedExcerpt[] = [
  { excerpt: excerpt(401, 501), source: sources[0]!, currency: stale, riskFactorId: null },
  ...shippedCatalogue.factors.map((factor) => ({ excerpt: excerpt(402, 502), source: sources[1]!, currency: fresh, riskFactorId: factor.id })),
];

/** A fresh copy each time: the composer must not be able to change the sample for the next check. */
export function sampleBundle(): CaseBundle {
  return {
    file: structuredClone(file),
    reference,
    links: structuredClone(links),
    sourceDocuments: new Map([[id(501), { id: id(302), name: 'dis.pdf', mediaType: 'application/pdf', size: 1, sha256: '0'.repeat(64), documentDate: null, description: null, addedAt: '2026-01-01T00:00:00.000Z' }]]),
  };
}
