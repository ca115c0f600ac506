// A JSON syntax error is reported on its line, whatever JSON.parse's message says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstErrorOffset } from '../../../main/core/evidence/import/json-error';
import { parseJson } from '../../../main/core/evidence/import/parsed';

describe('JSON syntax errors', () => {
  it('names the line of a stray brace, a missing comma, an unclosed string, trailing text', () => {
    const line = (text: string) => ('issue' in parseJson(text) ? (parseJson(text) as { issue: { path: string } }).issue.path : 'ok');
    expect(line('[{"type":"report",\n"title":"x"},\n}]')).toBe('line:3');
    expect(line('{\n  "a": 1\n  "b": 2\n}')).toBe('line:3');
    expect(line('[\n"unclosed\n]')).toBe('line:2');
    expect(line('{"a": 1}\n\nx')).toBe('line:3');
    expect(line('{"a": [1, 2]}')).toBe('ok');
  });

  it('finds no error in valid JSON, and an offset inside the text whenever JSON.parse fails', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('}', ']', ',', ':', '"', 'x', '\n', '{', '['), (json, at, char) => {
        expect(firstErrorOffset(json)).toBe(-1);
        const position = at % (json.length + 1);
        const broken = json.slice(0, position) + char + json.slice(position);
        let valid = true;
        try {
          JSON.parse(broken);
        } catch {
          valid = false;
        }
        const offset = firstErrorOffset(broken);
        if (valid) expect(offset).toBe(-1);
        else expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(broken.length);
      }),
      { numRuns: 400 },
    );
  });
});
