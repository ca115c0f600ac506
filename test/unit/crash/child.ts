// The process the crash tests kill. Bundled once per test run into a .cjs (bundle.ts) and started
// with plain `node`, so each of the hundreds of kills costs a Node start, not a TypeScript compile.
//
// It opens the vault through createApi, as the app does, and works through api.call only. Before
// each write it prints an `intent` line, and after the call has resolved ok an `ack` line: the
// parent may then hold the app to that write. Lines go out with writeSync on fd 1, so a line is in
// the pipe before the next call starts and a SIGKILL cannot lose it.
//
// It is started ahead of its round (bundle.ts Spawner) and waits for its Job, one JSON line on
// stdin, before it touches anything. Modes:
//   writes — an endless stream of case creates, section saves, attachment uploads, evidence edits;
//   rekey  — passphrase changes back and forth between two passphrases, endlessly;
//   import — preview and apply one .briefcase file, then idle.
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { createApi } from '../../../main/core/api';
import { ATTACHMENT_CHUNK_BYTES } from '../../../preload/contract';
import { attachmentText, CHILD_KDF, clientAddress, excerptText, prng, type Job, type Line } from './protocol';

let job: Job;
let api: ReturnType<typeof createApi>;

const say = (line: Line) => writeSync(1, `${JSON.stringify(line)}\n`);

async function ok<T>(method: string, input: unknown): Promise<T> {
  const envelope = await api.call(method, input);
  if (!envelope.ok) {
    // Not a crash: a write failed on its own. The parent fails the test on this line.
    say({ t: 'failed', method, code: envelope.error.code });
    process.exit(3);
  }
  return envelope.value as T;
}

async function writes(): Promise<void> {
  await ok('vault.unlock', { path: job.vaultPath, passphrase: job.passphrase });
  say({ t: 'ready' });
  const random = prng(job.seed);
  const state = job.state ?? { cases: [], sources: [], excerpts: [] };
  const cases = state.cases.map((c) => ({ ...c }));
  const sources = [...state.sources];
  const excerpts = state.excerpts.map((e) => ({ ...e }));
  const pick = <T,>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  for (let n = 0; ; n += 1) {
    const tag = `${job.seed}-${n}`;
    const roll = random();
    // At most 60 cases: the parent reads every case back after every kill.
    if (cases.length === 0 || (roll < 0.15 && cases.length < 60)) {
      const clientName = `Amal Testdatter ${tag}`;
      say({ t: 'intent', op: 'createCase', clientName });
      const created = await ok<{ id: string; reference: string }>('cases.create', { clientName });
      cases.push({ id: created.id, revision: 0 });
      say({ t: 'ack', op: 'createCase', id: created.id, clientName, reference: created.reference });
    } else if (roll < 0.45) {
      const target = pick(cases);
      const name = `Samir Fiktiv ${tag}`;
      const address = clientAddress(tag);
      say({ t: 'intent', op: 'client', id: target.id, name, address, revision: target.revision + 1 });
      const saved = await ok<{ revisions: { client: number } }>('cases.update', {
        id: target.id,
        revision: target.revision,
        update: { section: 'client', value: { name, contact: { phone: null, email: null, address } } },
      });
      target.revision = saved.revisions.client;
      say({ t: 'ack', op: 'client', id: target.id, name, address, revision: saved.revisions.client });
    } else if (roll < 0.7) {
      const target = pick(cases);
      // Mostly small files; one in twenty-five spans two chunks, so kills land between chunks too
      // (few, and not much over a chunk: integrity_check reads the whole vault after every kill).
      const size = random() < 0.04 ? ATTACHMENT_CHUNK_BYTES + 1 + Math.floor(random() * 256_000) : 1 + Math.floor(random() * 48_000);
      const bytes = attachmentText(tag, size);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const name = `notat-${tag}.txt`;
      say({ t: 'intent', op: 'attachment', caseId: target.id, name, sha256, size });
      const { uploadId } = await ok<{ uploadId: string }>('attachments.begin', { caseId: target.id, name, mediaType: 'text/plain', size });
      for (let index = 0, offset = 0; offset < size; index += 1, offset += ATTACHMENT_CHUNK_BYTES) {
        await ok('attachments.append', { uploadId, index, data: bytes.subarray(offset, offset + ATTACHMENT_CHUNK_BYTES).toString('base64') });
      }
      const meta = await ok<{ id: string }>('attachments.commit', { uploadId, sha256 });
      say({ t: 'ack', op: 'attachment', caseId: target.id, id: meta.id, name, sha256, size });
    } else if (sources.length === 0 || roll < 0.78) {
      const title = `Landerapport ${tag}`;
      say({ t: 'intent', op: 'source', title });
      const source = await ok<{ id: string }>('evidence.saveSource', { source: { publisher: 'Fiktivt Udlændingeinstitut', title } });
      sources.push(source.id);
      say({ t: 'ack', op: 'source', id: source.id, title });
    } else if (excerpts.length === 0 || roll < 0.88) {
      const sourceId = pick(sources);
      const text = excerptText(tag);
      say({ t: 'intent', op: 'excerpt', sourceId, text });
      const excerpt = await ok<{ id: string }>('evidence.saveExcerpt', { excerpt: { sourceId, text, pinpoint: { page: String(n + 1) } } });
      excerpts.push({ id: excerpt.id, sourceId });
      say({ t: 'ack', op: 'excerpt', id: excerpt.id, sourceId, text });
    } else {
      const target = pick(excerpts);
      const text = excerptText(tag);
      say({ t: 'intent', op: 'excerptEdit', id: target.id, sourceId: target.sourceId, text });
      await ok('evidence.saveExcerpt', { id: target.id, excerpt: { sourceId: target.sourceId, text, pinpoint: { page: String(n + 1) } } });
      say({ t: 'ack', op: 'excerptEdit', id: target.id, sourceId: target.sourceId, text });
    }
  }
}

async function rekey(): Promise<void> {
  const [first, second] = job.passphrases!;
  let current = job.passphrase;
  await ok('vault.unlock', { path: job.vaultPath, passphrase: current });
  say({ t: 'ready' });
  for (;;) {
    const next = current === first ? second : first;
    say({ t: 'intent', op: 'rekey', passphrase: next });
    await ok('vault.rekey', { passphrase: current, newPassphrase: next });
    current = next;
    say({ t: 'ack', op: 'rekey', passphrase: next });
  }
}

async function importFile(): Promise<void> {
  await ok('vault.unlock', { path: job.vaultPath, passphrase: job.passphrase });
  say({ t: 'ready' });
  const file = job.importPath!;
  say({ t: 'intent', op: 'import', file });
  const preview = await ok<{ importId: string }>('exchange.previewPath', { path: file });
  say({ t: 'step', step: 'previewed' });
  const outcome = await ok<{ cases: { caseId: string; action: string }[] }>('exchange.apply', { importId: preview.importId, trustSender: true });
  say({ t: 'ack', op: 'import', file, cases: outcome.cases.map((c) => c.caseId) });
  // Stay alive: the parent kills an import that finished too, at the same moment it would any other.
  setInterval(() => undefined, 60_000);
}

/** The job: everything on stdin up to the end of the first line. */
async function readJob(): Promise<Job> {
  let text = '';
  for await (const chunk of process.stdin.setEncoding('utf8')) {
    text += chunk as string;
    if (text.includes('\n')) break;
  }
  return JSON.parse(text) as Job;
}

const modes = { writes, rekey, import: importFile } as const;
readJob()
  .then((read) => {
    job = read;
    api = createApi({ dataDir: job.dataDir, version: '0.0.0-crash', kdfCost: CHILD_KDF });
    return modes[job.mode]();
  })
  .catch((error: unknown) => {
    say({ t: 'failed', method: 'child', code: error instanceof Error ? error.constructor.name : typeof error });
    process.exit(4);
  });
