// The highlighted snippet of a search hit, made in JavaScript from the original text: the index is
// folded and contentless (migration 005), so FTS5's own snippet() has nothing to show. Matching is
// done on folded text with a map back to the original characters, so "sjaelsmark" marks
// "Sjælsmark" as written. The result is plain parts ({text, match}), never markup.
import { foldForSearch } from '../text';

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** The folding of single characters seen so far: folding is per character, and texts repeat them. */
const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  // ASCII folds to its lower case; only other characters need Unicode normalisation.
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : char;
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = foldForSearch(char);
    if (foldedChars.size < 10_000) foldedChars.set(char, folded);
  }
  return folded;
}

/** Folds `text` character by character, remembering where each folded character came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const f = foldChar(char);
    folded += f;
    for (let i = 0; i < f.length; i += 1) origin.push(index);
    index += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/**
 * Up to `width` characters around the first match, with every match of a query word marked.
 * Words match at the start of a word (as the FTS5 prefix query does).
 */
export function snippet(text: string, words: readonly string[], width = 240): SnippetPart[] {
  const { folded, origin } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const word of words) {
    if (word === '') continue;
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      const before = at === 0 ? '' : folded[at - 1] ?? '';
      if (at === 0 || !/[\p{L}\p{N}]/u.test(before)) {
        const start = origin[at] ?? 0;
        let endFolded = at + word.length;
        while (endFolded < folded.length && origin[endFolded] === origin[endFolded - 1]) endFolded += 1;
        ranges.push([start, origin[endFolded] ?? text.length]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const first = ranges[0]?.[0] ?? 0;
  let from = Math.max(0, first - Math.floor(width / 3));
  if (from > 0) from = Math.max(0, text.lastIndexOf(' ', from) + 1);
  const to = Math.min(text.length, from + width);
  const parts: SnippetPart[] = [];
  const push = (part: string, match: boolean) => {
    if (part === '') return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += part;
    else parts.push({ text: part, match });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= at || start >= to) continue;
    push(text.slice(at, Math.max(at, start)), false);
    push(text.slice(Math.max(at, start), Math.min(end, to)), true);
    at = Math.min(end, to);
  }
  push(text.slice(at, to), false);
  if (to < text.length) push('…', false);
  return parts;
}
