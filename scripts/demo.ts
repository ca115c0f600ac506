// `npm run demo`: the main job of Briefcase on a fresh machine, with no setup. Makes a demo vault
// in ./demo-output/demo-vault with one complete, fictional case (a family of four whose
// protection status was not extended, three present risk factors with the client's facts and the
// lawyer's summary citing the starter library), then writes the brief and the cover letter in
// Danish and English, as DOCX and PDF, and one bundle per language, into ./demo-output/.
//
// Everything here is invented: the people, their case numbers, the decision. The passphrase is
// printed on purpose: it protects nothing but this demo and must never be used for a real vault.
// Re-running replaces ./demo-output entirely.
//
// The case and the way it is put into a vault are exported for the end-to-end tests and the
// benchmark, so they generate from the same case the demo shows.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { AttachmentMeta, CaseFileInput, DocumentVersion, Envelope } from '../preload/contract';
import { createApi, type Api } from '../main/core/api';

/** Demo only. Printed on screen and documented: never use it for a vault with real data. */
export const DEMO_PASSPHRASE = 'demo only: fictional clinic 2026';

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

/** A fictional letter as a PDF of `pages` pages: the case's annexes. */
async function letterPdf(heading: string, lines: string[], pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let p = 1; p <= pages; p += 1) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(heading, { x: 60, y: 770, size: 13, font: bold });
    lines.forEach((text, i) => page.drawText(text, { x: 60, y: 740 - i * 17, size: 11, font }));
    page.drawText(`Side ${p} af ${pages}`, { x: 480, y: 40, size: 9, font });
  }
  return doc.save();
}

/** The two annexes of the demo case: the decision appealed and a statement from the school. */
export async function demoAttachments(): Promise<{ name: string; date: string; bytes: Uint8Array }[]> {
  return [
    {
      name: 'Afgørelse fra Udlændingestyrelsen 18.09.2025.pdf',
      date: '2025-09-18',
      bytes: await letterPdf(
        'Udlændingestyrelsen (fiktiv) — afgørelse, j.nr. DEMO-US-0200',
        [
          'Til: Samir Testsen (fiktiv person)',
          'Dato: 18. september 2025',
          '',
          'Udlændingestyrelsen har besluttet ikke at forlænge din opholdstilladelse efter',
          'udlændingelovens § 7, stk. 3. Afgørelsen omfatter også din ægtefælle og jeres børn.',
          'Dette dokument er opdigtet til Briefcase-demoen.',
        ],
        2,
      ),
    },
    {
      name: 'Udtalelse fra skolen om Nour Testsen.pdf',
      date: '2025-11-03',
      bytes: await letterPdf(
        'Testby Gymnasium (fiktivt) — udtalelse',
        ['Nour Testsen går i 1.g og følger undervisningen på dansk.', 'Hun læser og skriver ikke arabisk.', 'Dette dokument er opdigtet til Briefcase-demoen.'],
        1,
      ),
    },
  ];
}

async function ok<T>(api: Api, method: string, input: unknown): Promise<T> {
  const envelope = (await api.call(method, input)) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${JSON.stringify(envelope.error.issues ?? [])}`);
  return envelope.value;
}

/**
 * Puts the demo case into an unlocked vault: the starter library, the case, its two letters as
 * attachments, and the links from excerpts to the case and its risk factors. Returns its id.
 */
export async function addDemoCase(api: Api, scratchDir: string): Promise<string> {
  await ok(api, 'evidence.loadStarter', {});
  const { id } = await ok<{ id: string }>(api, 'cases.import', { file: demoCaseFile() });
  for (const file of await demoAttachments()) {
    const path = join(scratchDir, file.name);
    writeFileSync(path, file.bytes);
    await ok<AttachmentMeta>(api, 'attachments.addFromPath', { caseId: id, path, documentDate: file.date });
    rmSync(path, { force: true });
  }
  for (const link of DEMO_LINKS) await ok(api, 'evidence.link', { caseId: id, ...link });
  return id;
}

export interface DemoOutput {
  vaultPath: string;
  files: { path: string; version: DocumentVersion }[];
}

/** The whole demo into `outDir` (replaced). */
export async function runDemo(outDir: string, options: { kdfCost?: { N: number; r: number; p: number }; log?: (line: string) => void } = {}): Promise<DemoOutput> {
  const log = options.log ?? (() => undefined);
  rmSync(outDir, { recursive: true, force: true });
  const vaultDir = join(outDir, 'demo-vault');
  mkdirSync(vaultDir, { recursive: true });
  const vaultPath = join(vaultDir, 'demo.vault');
  const api = createApi({ dataDir: vaultDir, version: 'demo', ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}) });
  try {
    await ok(api, 'vault.create', { path: vaultPath, passphrase: DEMO_PASSPHRASE });
    const caseId = await addDemoCase(api, outDir);
    log(`demo case ${DEMO_REFERENCE} (Samir Testsen, fictional) with ${DEMO_LINKS.length} evidence links`);
    const files: DemoOutput['files'] = [];
    const jobs: { templateId: string; format: 'docx' | 'pdf' | 'bundle' }[] = [
      { templateId: 'brief', format: 'docx' },
      { templateId: 'brief', format: 'pdf' },
      { templateId: 'cover-letter', format: 'docx' },
      { templateId: 'cover-letter', format: 'pdf' },
      { templateId: 'brief', format: 'bundle' },
    ];
    for (const language of ['da', 'en'] as const) {
      for (const job of jobs) {
        // The starter library's sources are all from 2021 or earlier: stale by design. The demo
        // goes on as a lawyer would after reading the report (the CLI's --accept-stale).
        const version = await ok<DocumentVersion>(api, 'documents.generate', { caseId, language, ...job, acknowledgeStale: true });
        const path = join(outDir, version.name);
        await ok(api, 'documents.saveCopy', { id: version.id, path });
        files.push({ path, version });
        log(`  ${version.name}  (${version.size.toLocaleString('en')} bytes)`);
      }
    }
    return { vaultPath, files };
  } finally {
    api.close();
  }
}

async function main(): Promise<void> {
  const outDir = resolve('demo-output');
  const started = performance.now();
  console.log('Briefcase demo: everything below is fictional.');
  const result = await runDemo(outDir, { log: (line) => console.log(line) });
  console.log(`\nWrote ${result.files.length} documents to ${relative(process.cwd(), outDir) || '.'}/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  console.log(`Demo vault: ${relative(process.cwd(), result.vaultPath)}`);
  console.log(`Demo passphrase (demo only, never for real data): ${DEMO_PASSPHRASE}`);
  console.log(`Open it with: BRIEFCASE_PASSPHRASE='${DEMO_PASSPHRASE}' npm run -s cli -- --vault ${relative(process.cwd(), result.vaultPath)} documents list ${DEMO_REFERENCE}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
