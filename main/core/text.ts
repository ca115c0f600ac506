// Text folding for search: case and diacritics are ignored, so "soren" finds "Søren" and
// "hussein" finds "Husséin". Danish letters that are not decomposable (ø, æ, å→a via NFKD) are
// mapped by hand.
const EXTRA: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ł: 'l', ı: 'i' };

export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæßđłı]/g, (c) => EXTRA[c] ?? c);
}
