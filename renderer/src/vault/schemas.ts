// Form schemas for the vault screens, built from the contract's own passphrase rules so the form
// and the core agree on what is acceptable. Messages are i18n keys.
import { z } from 'zod';
import { NewPassphrase, Passphrase } from '../../../preload/contract';

export const createVaultForm = z
  .object({
    passphrase: NewPassphrase,
    confirm: z.string().min(1, 'validation.required'),
  })
  .refine((form) => form.passphrase === form.confirm, {
    path: ['confirm'],
    message: 'validation.passphraseMismatch',
  });
export type CreateVaultForm = z.input<typeof createVaultForm>;

export const unlockVaultForm = z
  .object({
    passphrase: Passphrase,
    useOtherFile: z.boolean(),
    /** "Remember on this computer" (the OS keychain); off unless ticked. */
    remember: z.boolean(),
    otherPath: z.string().trim().max(4096, 'validation.tooLong'),
  })
  .refine((form) => !form.useOtherFile || form.otherPath.length > 0, {
    path: ['otherPath'],
    message: 'validation.required',
  });
export type UnlockVaultForm = z.input<typeof unlockVaultForm>;
