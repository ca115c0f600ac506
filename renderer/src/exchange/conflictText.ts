// A conflict as a person reads it: the field by the label the intake form gives it ("Client ›
// Phone") rather than its path in the case file, and each side's value as plain text (never as
// markup: it is someone else's data).

type Translate = (key: string) => string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "client.contact.phone" → "Client › Phone"; a path the form has no label for stays as it is. */
export function fieldLabel(path: string, t: Translate, exists: (key: string) => boolean): string {
  const segments = path.split('.').filter((segment) => segment && !UUID.test(segment) && !/^\d+$/.test(segment));
  const [section] = segments;
  const leaf = segments[segments.length - 1];
  if (!section || !leaf) return path;
  const sectionKey = `intake.${section}.title`;
  const sectionLabel = exists(sectionKey) ? t(sectionKey) : null;
  if (segments.length === 1) return sectionLabel ?? path;
  const leafKey = [`intake.${section}.${leaf}`, `intake.dates.${leaf}`].find(exists);
  if (!leafKey) return sectionLabel ? `${sectionLabel} › ${segments.slice(1).join('.')}` : path;
  return sectionLabel ? `${sectionLabel} › ${t(leafKey)}` : t(leafKey);
}

/** A value as text: strings as they are, empty as null, anything structured as indented JSON. */
export function valueText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length === 0) return null;
  return JSON.stringify(value, null, 2);
}

export const SHORT_VALUE = 120;
