// Poppler and qpdf, run on a PDF written to a temporary file: the tests read what a reader's
// tools read, not our own idea of the file.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writePdf(dir: string, bytes: Uint8Array, name = 'doc.pdf'): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export function pdftotext(path: string, options: { page?: number; layout?: boolean; raw?: boolean } = {}): string {
  const args = ['-enc', 'UTF-8'];
  if (options.layout) args.push('-layout');
  if (options.raw) args.push('-raw');
  if (options.page !== undefined) args.push('-f', String(options.page), '-l', String(options.page));
  return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });
}

export function pdfinfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1] as string, match[2] as string]),
  );
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdffonts(path: string): FontRow[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim());
  return lines.map((line) => {
    // name type… encoding emb sub uni object ID: the flags are the 5th–3rd fields from the end.
    const fields = line.trim().split(/\s+/);
    const flag = (fromEnd: number): boolean => fields[fields.length - fromEnd] === 'yes';
    return { name: fields[0] as string, type: fields.slice(1, -6).join(' '), embedded: flag(5), subset: flag(4), unicode: flag(3) };
  });
}

export function qpdfCheck(path: string): { status: number | null; output: string } {
  const result = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

