// What the crash tests' parent and the child it kills (child.ts) say to each other, and the
// seeded content both sides can recompute. No vitest import here: this file is bundled into the child.

/** The KDF cost of test/unit/helpers.ts FAST_KDF (copied: helpers.ts imports vitest). */
export const CHILD_KDF = { N: 2 ** 12, r: 8, p: 1 };

export interface CaseState {
  id: string;
  /** The client section's revision, for cases.update. */
  revision: number;
}

/** Handed to the child as a JSON file; argv would outgrow its limit as the vault fills. */
export interface Job {
  mode: 'writes' | 'rekey' | 'import';
  dataDir: string;
  vaultPath: string;
  passphrase: string;
  seed: number;
  /** writes: what the vault holds, so the child can edit it. */
  state?: { cases: CaseState[]; sources: string[]; excerpts: { id: string; sourceId: string }[] };
  /** rekey: the two passphrases it alternates between. */
  passphrases?: [string, string];
  /** import: the .briefcase file (sent to this clinic's key). */
  importPath?: string;
}

export type Write =
  | { op: 'createCase'; id?: string; clientName: string; reference?: string }
  | { op: 'client'; id: string; name: string; address: string; revision: number }
  | { op: 'attachment'; caseId: string; id?: string; name: string; sha256: string; size: number }
  | { op: 'source'; id?: string; title: string }
  | { op: 'excerpt'; id?: string; sourceId: string; text: string }
  | { op: 'excerptEdit'; id: string; sourceId: string; text: string }
  | { op: 'rekey'; passphrase: string }
  | { op: 'import'; file: string; cases?: string[] };

export type Line =
  | { t: 'ready' }
  | ({ t: 'intent' } & Write)
  | ({ t: 'ack' } & Write)
  /** A milestone inside one write (the import: `previewed`, before exchange.apply). */
  | { t: 'step'; step: string }
  | { t: 'failed'; method: string; code: string };

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A text attachment of exactly `size` bytes whose content depends on `tag` (so each one differs). */
export function attachmentText(tag: string, size: number): Buffer {
  const line = Buffer.from(`Fiktivt samtalenotat ${tag}: klienten fortalte om rejsen.\n`, 'utf8');
  const bytes = Buffer.alloc(size);
  for (let offset = 0; offset < size; offset += line.length) line.copy(bytes, offset, 0, Math.min(line.length, size - offset));
  return bytes;
}

export const clientAddress = (tag: string) => `Eksempelvej ${tag}, 0000 Testby`;

export const excerptText = (tag: string) => `Ifølge den fiktive rapport (${tag}) er udrejse uden tilladelse strafbar.`;
