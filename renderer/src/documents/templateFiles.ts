// A template as a clinic adds it: picked as files (meta.json and one .md per language) or as a
// folder. Only meta.json and *.md are read, as text; the names sent are the files' own names
// (the folder's name is dropped), which is what the core's "file:line" problems refer to.
import type { TemplateUpload } from '../../../preload/contract';

/** The contract's limits (TemplateUpload): at most 10 files of at most 1,000,000 characters. */
export const MAX_TEMPLATE_FILES = 10;
export const MAX_TEMPLATE_CHARS = 1_000_000;

export interface PickedFile {
  name: string;
  /** "folder/meta.json" when picked as a folder (webkitRelativePath), else "". */
  relativePath?: string;
  size: number;
  text: () => Promise<string>;
}

export type TemplateFilesResult =
  | { ok: true; upload: TemplateUpload; ignored: string[] }
  | { ok: false; reason: 'noTemplateFiles' | 'tooManyFiles' | 'fileTooLarge'; file?: string };

const isTemplateFile = (name: string) => name === 'meta.json' || /\.md$/i.test(name);

/** Only a folder's own files count: not those of folders inside it. */
function depth(file: PickedFile): number {
  return file.relativePath ? file.relativePath.split('/').filter(Boolean).length : 1;
}

export async function readTemplateFiles(files: readonly PickedFile[]): Promise<TemplateFilesResult> {
  const top = Math.min(...files.map(depth));
  const wanted = files.filter((file) => depth(file) === top && isTemplateFile(file.name));
  const ignored = files.filter((file) => !wanted.includes(file)).map((file) => file.relativePath || file.name);
  if (wanted.length === 0) return { ok: false, reason: 'noTemplateFiles' };
  if (wanted.length > MAX_TEMPLATE_FILES) return { ok: false, reason: 'tooManyFiles' };
  const read: TemplateUpload['files'] = [];
  for (const file of wanted) {
    // UTF-8 spends at most 3 bytes per UTF-16 code unit: a file over 3× the limit in bytes is
    // certainly over it in characters, and is refused without being read.
    if (file.size > MAX_TEMPLATE_CHARS * 3) return { ok: false, reason: 'fileTooLarge', file: file.name };
    const text = await file.text();
    if (text.length > MAX_TEMPLATE_CHARS) return { ok: false, reason: 'fileTooLarge', file: file.name };
    read.push({ name: file.name, text });
  }
  read.sort((a, b) => (a.name === 'meta.json' ? -1 : b.name === 'meta.json' ? 1 : a.name.localeCompare(b.name)));
  return { ok: true, upload: { files: read }, ignored };
}

/** A browser FileList as picked files. */
export function pickedFiles(list: FileList | null): PickedFile[] {
  return Array.from(list ?? [], (file) => ({ name: file.name, relativePath: file.webkitRelativePath, size: file.size, text: () => file.text() }));
}
