// npm run lint:security: electronegativity over the shipped code, failing on any finding that is
// not justified in security/electronegativity-allow.json (see scripts/electronegativity.ts).
import { checkProject, verdictIsClean } from './electronegativity';

const verdict = await checkProject(process.cwd());
const where = (finding: { check: string; file: string; line: number }) => `${finding.check} ${finding.file}:${finding.line}`;

console.log(
  `[lint:security] electronegativity: ${verdict.findings.length} findings, ${verdict.justified.length} justified, ${verdict.unjustified.length} unjustified`,
);
for (const finding of verdict.unjustified) console.error(`  not justified: ${where(finding)} (${finding.severity}) ${finding.description}`);
for (const entry of verdict.stale) console.error(`  justification matches no finding any more: ${entry.check} ${entry.file}`);
for (const error of verdict.parseErrors) console.error(`  could not parse: ${error}`);
if (!verdictIsClean(verdict)) process.exit(1);
