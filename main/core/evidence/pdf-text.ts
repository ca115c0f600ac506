// The text of a PDF, page by page, so a lawyer can select a passage and get its page pinpoint.
//
// pdf.js runs in this thread (see pdf-runtime.ts) with everything that could reach out switched
// off: no eval (isEvalSupported), no font fetching, no standard-font, CMap or wasm URLs, no range
// or stream requests, no XFA, no system fonts. The bytes are all it gets. Text is assembled from
// pdf.js's text items: a new line where pdf.js says a line ends (hasEOL) or the baseline moves, a
// blank line where the baseline jumps by much more than a line, a space where two runs on one line
// are apart; then whitespace is normalised and the result is NFC (so "å" is one code point).
//
// Failures a person can act on are BriefcaseErrors: PDF_ENCRYPTED (a password is needed to open it)
// and PDF_UNREADABLE (not a PDF, or damaged beyond what pdf.js repairs). Their messages are codes,
// never text from the file. An aborted extraction rejects with the signal's reason.
import { BriefcaseError } from '../errors';
import { loadPdfjs } from './pdf-runtime';

export interface ExtractOptions {
  signal?: AbortSignal;
  /** Called with (0, total) once the document is open and after each page. */
  onProgress?(done: number, total: number): void;
}

/** The part of a pdf.js TextItem we use. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: e and f are the run's origin in page space (f is the baseline). */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

export async function extractPageTexts(data: Uint8Array, options: ExtractOptions = {}): Promise<string[]> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const pdfjs = await loadPdfjs();
  signal?.throwIfAborted();
  const task = pdfjs.getDocument({
    // pdf.js may detach the buffer it is given: hand it a copy so the caller's bytes survive
    // (new Uint8Array copies; Buffer#slice would not).
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const onAbort = () => void task.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const doc = await task.promise;
    const total = doc.numPages;
    onProgress?.(0, total);
    const pages: string[] = [];
    for (let number = 1; number <= total; number += 1) {
      signal?.throwIfAborted();
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) if ('str' in item) items.push(item);
      pages.push(assemblePageText(items));
      page.cleanup();
      onProgress?.(number, total);
    }
    return pages;
  } catch (error) {
    signal?.throwIfAborted();
    throw translate(error);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await task.destroy();
  }
}

/** pdf.js's exceptions (re-created in this thread by name) that mean "these bytes are no usable PDF". */
const UNREADABLE = new Set(['InvalidPDFException', 'FormatError', 'UnknownErrorException', 'ResponseException']);

/** pdf.js errors → ours. Only the class name is looked at: pdf.js messages may quote the file. */
function translate(error: unknown): unknown {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new BriefcaseError('PDF_ENCRYPTED');
  if (UNREADABLE.has(name)) return new BriefcaseError('PDF_UNREADABLE');
  return error;
}

/** A line break when the baseline moves by more than this share of the text height. */
const NEW_LINE = 0.5;
/** A blank line (paragraph) when it moves by more than this many text heights. */
const NEW_PARAGRAPH = 1.8;
/** A space between two runs on a line when they are further apart than this share of the height. */
const WORD_GAP = 0.15;

/** One page's text from its text items, in content-stream order. Exported for the tests. */
export function assemblePageText(items: readonly PdfTextItem[]): string {
  let text = '';
  let previous: { x: number; y: number; end: number; size: number } | undefined;
  let lineEnded = false;
  for (const item of items) {
    if (item.str === '') {
      // pdf.js marks some line ends with an empty run.
      lineEnded ||= item.hasEOL;
      continue;
    }
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = item.height > 0 ? item.height : Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0);
    if (previous) {
      const unit = Math.max(size, previous.size, 1);
      const dy = Math.abs(y - previous.y);
      if (lineEnded || dy > unit * NEW_LINE) {
        text += dy > unit * NEW_PARAGRAPH ? '\n\n' : '\n';
      } else if (x - previous.end > unit * WORD_GAP && !/\s$/.test(text) && !/^\s/.test(item.str)) {
        text += ' ';
      }
    }
    text += item.str;
    lineEnded = item.hasEOL;
    previous = { x, y, end: x + item.width, size };
  }
  return normaliseWhitespace(text);
}

/** Spaces collapsed and trimmed per line, at most one blank line in a row, NFC. */
export function normaliseWhitespace(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?|[\u2028\u2029\v\f\u0085]/g, '\n')
      // Control characters other than the line feed carry no text (some PDFs map glyphs to them).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000e-\u001f\u007f]/g, ' ')
      .replace(/[^\S\n]+/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
