// A fingerprint as people compare it: large, monospaced, in its groups of four, two lines of four
// groups (the way it is read aloud over the phone). The text keeps its single spaces, so copying
// it gives exactly what the trust field accepts.
export function Fingerprint({ value, size = 'large' }: { value: string; size?: 'large' | 'small' }) {
  const groups = value.split(' ');
  const lines = [groups.slice(0, 4), groups.slice(4)].filter((line) => line.length > 0);
  return (
    <code className={`fingerprint fingerprint--${size}`} dir="ltr">
      {lines.map((line, index) => (
        <span key={index} className="fingerprint__line">
          {index > 0 ? ' ' : ''}
          {line.join(' ')}
        </span>
      ))}
    </code>
  );
}

/** What a person typed or pasted, as the core compares it: case and spaces ignored. */
export function normaliseFingerprint(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

export const looksLikeFingerprint = (text: string): boolean => /^[0-9A-F]{32}$/.test(normaliseFingerprint(text));
