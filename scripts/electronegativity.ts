// Doyensec's electronegativity over the code that ships (main/, preload/, renderer/, package.json),
// through its run() API: its command line exits 0 even when it finds something. Every finding must
// be justified in security/electronegativity-allow.json (check id + file + reason); a finding that
// is not, or a justification that no longer matches any finding, fails `npm run lint:security`.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Finding {
  check: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
  description: string;
}

export interface Justification {
  check: string;
  file: string;
  reason: string;
}

export interface AllowList {
  /** Checks not run at all, each with the reason. */
  excludedChecks: { check: string; reason: string }[];
  findings: Justification[];
}

export interface Verdict {
  findings: Finding[];
  justified: Finding[];
  unjustified: Finding[];
  /** Justifications that match no finding: the code changed, so the reason may no longer hold. */
  stale: Justification[];
  /** Files the tool could not parse: a blind spot, so it fails too. */
  parseErrors: string[];
}

/** What ships: the Electron main process, the preload bridge and the renderer. */
const SHIPPED = ['main', 'preload', 'renderer', 'package.json'];

export const ALLOW_LIST_PATH = 'security/electronegativity-allow.json';

export function readAllowList(root: string): AllowList {
  return JSON.parse(readFileSync(join(root, ALLOW_LIST_PATH), 'utf8')) as AllowList;
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
}
interface RawResult {
  issues: RawIssue[];
  errors: { file: string; message: string; tolerable: boolean }[];
}
type Run = (options: Record<string, unknown>) => Promise<RawResult>;

/**
 * Loads the tool with `got` (its only network client) replaced by one that refuses: on load it
 * fetches translations from S3, and the test chain runs offline and must not phone out.
 */
function loadElectronegativity(): Run {
  const require = createRequire(import.meta.url);
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === 'got') {
      const refuse = () => Promise.reject(new Error('no network in the test chain'));
      return Object.assign(refuse, { head: refuse, get: refuse });
    }
    return original.call(this, request, ...rest);
  };
  try {
    const loaded = require('@doyensec/electronegativity') as Run | { default: Run };
    return typeof loaded === 'function' ? loaded : loaded.default;
  } finally {
    loader._load = original;
  }
}

/** Runs the tool over a copy of what ships (it scans whole folders; the copy leaves out tests and builds). */
export async function scan(root: string, excludedChecks: string[]): Promise<{ findings: Finding[]; parseErrors: string[] }> {
  const run = loadElectronegativity();
  const staging = mkdtempSync(join(tmpdir(), 'briefcase-electronegativity-'));
  try {
    for (const entry of SHIPPED) cpSync(join(root, entry), join(staging, entry), { recursive: true });
    const result = await quietly(() =>
      run({
        input: staging,
        isRelative: true,
        severitySet: 'informational',
        confidenceSet: 'tentative',
        customScan: [],
        excludeFromScan: excludedChecks,
      }),
    );
    const findings = result.issues.map((issue) => ({
      check: issue.id,
      file: issue.file,
      line: issue.location.line,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      description: issue.description,
    }));
    const parseErrors = result.errors.filter((error) => !error.tolerable).map((error) => `${error.file}: ${error.message}`);
    return { findings, parseErrors };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The tool prints a note when its translation download is refused; keep the lint output to our verdict. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => {};
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

export function judge(findings: Finding[], allow: AllowList, parseErrors: string[] = []): Verdict {
  const matches = (finding: Finding, entry: Justification) => finding.check === entry.check && finding.file === entry.file;
  const justified = findings.filter((finding) => allow.findings.some((entry) => matches(finding, entry)));
  const unjustified = findings.filter((finding) => !justified.includes(finding));
  const stale = allow.findings.filter((entry) => !findings.some((finding) => matches(finding, entry)));
  return { findings, justified, unjustified, stale, parseErrors };
}

export function verdictIsClean(verdict: Verdict): boolean {
  return verdict.unjustified.length === 0 && verdict.stale.length === 0 && verdict.parseErrors.length === 0;
}

export async function checkProject(root: string): Promise<Verdict> {
  const allow = readAllowList(root);
  const { findings, parseErrors } = await scan(
    root,
    allow.excludedChecks.map((entry) => entry.check),
  );
  return judge(findings, allow, parseErrors);
}
