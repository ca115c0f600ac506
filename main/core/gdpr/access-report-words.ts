// The words of the access report (GDPR art. 15), in Danish and English. main/core may not import
// the renderer's catalogues, and a document is not the interface (as documents/labels.ts).
// Field labels: a key missing here is printed as its own name, so a field added to the case file
// later still appears in the report instead of being left out silently.
import type { DocumentLanguage } from '../../../preload/schemas/documents';

type Words = Record<DocumentLanguage, string>;

export const REPORT_TITLE: Words = { da: 'Indsigtsrapport', en: 'Access report' };

export const TEXT = {
  intro: {
    da: 'Denne rapport viser alle oplysninger, som klinikken opbevarer i Briefcase om klienten i sagen nedenfor: sagens felter, husstand, tidslinje, risikofaktorer, frister, bilag, tilknyttet baggrundsmateriale, genererede dokumenter, udvekslinger med andre klinikker og revisionslogposter, der nævner sagen. Sagens JSON-fil følger med som bilag.',
    en: 'This report lists everything the clinic holds in Briefcase about the client of the case below: the case fields, household, timeline, risk factors, deadlines, attachments, linked country evidence, generated documents, exchanges with other clinics and audit log entries that name the case. The case JSON file accompanies it.',
  },
  made: { da: 'Udarbejdet', en: 'Made' },
  none: { da: 'Ingen.', en: 'None.' },
  empty: { da: '(tom)', en: '(empty)' },
  yes: { da: 'ja', en: 'yes' },
  no: { da: 'nej', en: 'no' },
  bytes: { da: 'byte', en: 'bytes' },
} satisfies Record<string, Words>;

export const SECTION = {
  details: { da: 'Sagen', en: 'The case' },
  client: { da: 'Klienten', en: 'The client' },
  household: { da: 'Husstand', en: 'Household' },
  timeline: { da: 'Tidslinje', en: 'Timeline' },
  risks: { da: 'Risikofaktorer', en: 'Risk factors' },
  deadlines: { da: 'Frister', en: 'Deadlines' },
  attachments: { da: 'Bilag', en: 'Attachments' },
  evidence: { da: 'Tilknyttet baggrundsmateriale', en: 'Linked country evidence' },
  documents: { da: 'Genererede dokumenter', en: 'Generated documents' },
  exchanges: { da: 'Udvekslinger med andre klinikker', en: 'Exchanges with other clinics' },
  audit: { da: 'Revisionslog', en: 'Audit log' },
  record: { da: 'Registreringen', en: 'The record' },
} satisfies Record<string, Words>;

/** One item of a list section: "Husstandsmedlem 2", "Event 3". */
export const ITEM: Record<'household' | 'timeline' | 'risks' | 'deadlines', Words> = {
  household: { da: 'Husstandsmedlem', en: 'Household member' },
  timeline: { da: 'Hændelse', en: 'Event' },
  risks: { da: 'Risikofaktor', en: 'Risk factor' },
  deadlines: { da: 'Frist', en: 'Deadline' },
};

export const FIELD: Record<string, Words> = {
  id: { da: 'Id', en: 'Id' },
  reference: { da: 'Sagsnummer', en: 'Reference' },
  status: { da: 'Status', en: 'Status' },
  outcome: { da: 'Udfald', en: 'Outcome' },
  jurisdiction: { da: 'Jurisdiktion', en: 'Jurisdiction' },
  protectionBasis: { da: 'Beskyttelsesgrundlag', en: 'Protection basis' },
  dates: { da: 'Datoer', en: 'Dates' },
  arrival: { da: 'Indrejse', en: 'Arrival' },
  permitGranted: { da: 'Tilladelse givet', en: 'Permit granted' },
  permitExpiry: { da: 'Tilladelse udløber', en: 'Permit expiry' },
  decision: { da: 'Afgørelse', en: 'Decision' },
  decisionReceived: { da: 'Afgørelse modtaget', en: 'Decision received' },
  hearing: { da: 'Nævnsmøde', en: 'Hearing' },
  origin: { da: 'Oprindelse', en: 'Origin' },
  country: { da: 'Land', en: 'Country' },
  region: { da: 'Region', en: 'Region' },
  place: { da: 'Sted', en: 'Place' },
  assignedLawyer: { da: 'Advokat', en: 'Lawyer' },
  assignedParalegal: { da: 'Sagsbehandler', en: 'Paralegal' },
  name: { da: 'Navn', en: 'Name' },
  nameOriginal: { da: 'Navn (original skrift)', en: 'Name (original script)' },
  otherSpellings: { da: 'Andre stavemåder', en: 'Other spellings' },
  birthDate: { da: 'Fødselsdato', en: 'Date of birth' },
  sex: { da: 'Køn', en: 'Sex' },
  nationality: { da: 'Nationalitet', en: 'Nationality' },
  stateless: { da: 'Statsløs', en: 'Stateless' },
  ethnicity: { da: 'Etnicitet', en: 'Ethnicity' },
  religion: { da: 'Religion', en: 'Religion' },
  languages: { da: 'Sprog', en: 'Languages' },
  language: { da: 'Sprog', en: 'Language' },
  dialect: { da: 'Dialekt', en: 'Dialect' },
  interpreter: { da: 'Tolk', en: 'Interpreter' },
  needed: { da: 'Behov', en: 'Needed' },
  contact: { da: 'Kontakt', en: 'Contact' },
  phone: { da: 'Telefon', en: 'Phone' },
  email: { da: 'E-mail', en: 'Email' },
  address: { da: 'Adresse', en: 'Address' },
  cpr: { da: 'CPR-nummer', en: 'CPR number' },
  authorityCaseNumbers: { da: 'Myndigheders sagsnumre', en: 'Authority case numbers' },
  authority: { da: 'Myndighed', en: 'Authority' },
  number: { da: 'Nummer', en: 'Number' },
  relationship: { da: 'Relation', en: 'Relationship' },
  whereabouts: { da: 'Opholdssted', en: 'Whereabouts' },
  notes: { da: 'Noter', en: 'Notes' },
  note: { da: 'Note', en: 'Note' },
  linkedCaseId: { da: 'Tilknyttet sag', en: 'Linked case' },
  date: { da: 'Dato', en: 'Date' },
  description: { da: 'Beskrivelse', en: 'Description' },
  source: { da: 'Kilde', en: 'Source' },
  sourceDetail: { da: 'Kildeangivelse', en: 'Source detail' },
  kind: { da: 'Type', en: 'Kind' },
  dueOn: { da: 'Forfalder', en: 'Due on' },
  done: { da: 'Udført', en: 'Done' },
  factorId: { da: 'Risikofaktor', en: 'Risk factor' },
  state: { da: 'Vurdering', en: 'Assessment' },
  fields: { da: 'Felter', en: 'Fields' },
  clientFacts: { da: 'Klientens oplysninger', en: "Client's account" },
  lawyerSummary: { da: 'Advokatens sammenfatning', en: "Lawyer's summary" },
  sources: { da: 'Kilder', en: 'Sources' },
  mediaType: { da: 'Filtype', en: 'File type' },
  size: { da: 'Størrelse', en: 'Size' },
  sha256: { da: 'SHA-256', en: 'SHA-256' },
  documentDate: { da: 'Dokumentets dato', en: 'Document date' },
  addedAt: { da: 'Tilføjet', en: 'Added' },
  createdAt: { da: 'Oprettet', en: 'Created' },
  updatedAt: { da: 'Ændret', en: 'Updated' },
  template: { da: 'Skabelon', en: 'Template' },
  format: { da: 'Format', en: 'Format' },
  direction: { da: 'Retning', en: 'Direction' },
  clinics: { da: 'Klinikker', en: 'Clinics' },
  via: { da: 'Via', en: 'Via' },
  at: { da: 'Tidspunkt', en: 'Time' },
  action: { da: 'Handling', en: 'Action' },
  method: { da: 'Metode', en: 'Method' },
  actor: { da: 'Bruger', en: 'User' },
  excerpt: { da: 'Uddrag', en: 'Excerpt' },
  pinpoint: { da: 'Henvisning', en: 'Pinpoint' },
};

export const fieldLabel = (key: string, language: DocumentLanguage): string => FIELD[key]?.[language] ?? key;
