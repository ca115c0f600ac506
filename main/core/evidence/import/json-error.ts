// Where a JSON text first goes wrong. JSON.parse's messages differ between V8 versions and often
// carry no position at all ("Unexpected token '}', … is not valid JSON"), so a lawyer would be
// sent to line 1 of a 5,000-line Zotero export. This scanner walks the JSON grammar and returns
// the offset of the first character that cannot be valid; it is only run after JSON.parse failed.
const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);

export function firstErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const skip = () => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i += 1;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[i] !== char) fail();
      i += 1;
    }
  };
  const string = () => {
    i += 1; // opening quote
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 0x22) return void (i += 1);
      if (code < 0x20) fail();
      if (code === 0x5c) {
        i += 1;
        const escape = text[i];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i += 1;
        else fail();
      } else i += 1;
    }
    fail();
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail();
    i += match![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail();
    skip();
    const char = text[i];
    if (char === '{') {
      i += 1;
      skip();
      if (text[i] === '}') return void (i += 1);
      for (;;) {
        skip();
        if (text[i] !== '"') fail();
        string();
        skip();
        if (text[i] !== ':') fail();
        i += 1;
        value(depth + 1);
        skip();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') return void (i += 1);
        else fail();
      }
    }
    if (char === '[') {
      i += 1;
      skip();
      if (text[i] === ']') return void (i += 1);
      for (;;) {
        value(depth + 1);
        skip();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') return void (i += 1);
        else fail();
      }
    }
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    fail();
  };
  try {
    value(0);
    skip();
    if (i < text.length) fail();
    return -1;
  } catch (offset) {
    if (typeof offset === 'number') return Math.min(offset, text.length);
    throw offset;
  }
}
