// The export dialog's choices, checked with zod before anything is asked of the core: partner
// clinics (at least one; ourselves included by default so the sender can read its own file back)
// or a passphrase typed twice, at least as long as the contract requires.
import { z } from 'zod';
import type { ExportTarget } from '../../../preload/contract';

export const exportForm = z
  .object({
    mode: z.enum(['partners', 'passphrase']),
    partnerIds: z.array(z.string()),
    includeSelf: z.boolean(),
    passphrase: z.string(),
    confirm: z.string(),
    includeDocuments: z.boolean(),
  })
  .superRefine((form, context) => {
    if (form.mode === 'partners') {
      if (form.partnerIds.length === 0) context.addIssue({ code: 'custom', path: ['partnerIds'], message: 'exchange.export.choosePartner' });
      return;
    }
    if (form.passphrase.length < 12) context.addIssue({ code: 'custom', path: ['passphrase'], message: 'validation.passphraseTooShort' });
    else if (form.passphrase !== form.confirm) context.addIssue({ code: 'custom', path: ['confirm'], message: 'validation.passphraseMismatch' });
  });
export type ExportForm = z.infer<typeof exportForm>;

export const EMPTY_EXPORT_FORM: ExportForm = {
  mode: 'partners',
  partnerIds: [],
  includeSelf: true,
  passphrase: '',
  confirm: '',
  includeDocuments: false,
};

/** Field → i18n key of its first problem, or null when the form is fine. */
export function exportFormErrors(form: ExportForm): Partial<Record<keyof ExportForm, string>> | null {
  const result = exportForm.safeParse(form);
  if (result.success) return null;
  const errors: Partial<Record<keyof ExportForm, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof ExportForm;
    errors[field] ??= issue.message;
  }
  return errors;
}

export function exportTarget(form: ExportForm): ExportTarget {
  return form.mode === 'partners'
    ? { kind: 'partners', partnerIds: form.partnerIds, includeSelf: form.includeSelf }
    : { kind: 'passphrase', passphrase: form.passphrase };
}
