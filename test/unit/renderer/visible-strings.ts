// Finds text a person would see in a React component that does not go through t(): JSX text with
// letters, string literals given as JSX children, and string literals in the attributes a screen
// reader or the eye reads (aria-label, title, placeholder, alt, label and *Label/*Title props).
// Parsed with the TypeScript compiler, so comments, class names and keys are never mistaken for text.
import ts from 'typescript';

export interface Finding {
  line: number;
  text: string;
  where: string;
}

/** Attributes whose value is shown or read aloud. Props named *Label or *Title are checked too. */
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
const isVisibleAttribute = (name: string) => VISIBLE_ATTRIBUTES.has(name) || /[a-z](Label|Title)$/.test(name);

// Text that is the same in Danish and English, so a translation would only repeat it.
// Each entry says why; keep it short: anything a person reads as a word belongs in the catalogues.
export const ALLOWED = new Set([
  'Briefcase', // the app's name
  'SHA-256', // a hash algorithm's name
  'PDF', // file formats
  'DOCX',
  'JSON',
  'age', // the encryption tool (age-encryption.org), named as such in docs/exchange.md
]);

const LETTER = /\p{L}/u;

function needsTranslation(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return LETTER.test(trimmed) && !ALLOWED.has(trimmed);
}

/** String literals an expression can evaluate to directly: 'x', `x`, a ? 'x' : 'y', a && 'x', ('x'). */
function literalTexts(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return literalTexts(node.right);
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.PlusToken) {
      return [...literalTexts(node.left), ...literalTexts(node.right)];
    }
  }
  return [];
}

export function untranslatedStrings(source: string, fileName = 'component.tsx'): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    if (!needsTranslation(text)) return;
    findings.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: text.trim(), where });
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text, 'JSX text');
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const text of literalTexts(node.expression)) report(node, text, 'JSX child');
    } else if (ts.isJsxAttribute(node) && isVisibleAttribute(node.name.getText(file)) && node.initializer) {
      const where = `${node.name.getText(file)}=`;
      if (ts.isStringLiteral(node.initializer)) report(node, node.initializer.text, where);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) {
        for (const text of literalTexts(node.initializer.expression)) report(node, text, where);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}
