// Entry point of the `briefcase` command (bin/briefcase.mjs, `npm run -s cli -- …`).
import { readFileSync } from 'node:fs';
import { runCli } from './cli/run';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  version,
});
