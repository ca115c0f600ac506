// The settings panel's form schema: the clinic's settings (bounds taken from the contract's own
// ClinicSettings, so the form and the core agree) and this seat's user name (prefs.setUserName).
// Messages are i18n keys.
import { z } from 'zod';
import { ClinicSettings, contract } from '../../../preload/contract';

type Field = keyof ClinicSettings;

/** The contract's bounds of a numeric setting (its schema is a ZodNumber inside a default). */
export function boundsOf(field: Field): { min: number; max: number } {
  const number = ClinicSettings.shape[field].unwrap();
  return { min: number.minValue ?? 0, max: number.maxValue ?? Number.MAX_SAFE_INTEGER };
}

const whole = (field: Field) => {
  const { min, max } = boundsOf(field);
  const message = 'clinicSettings.wholeNumber';
  // valueAsNumber gives NaN for an empty field: "not a number" gets the same message.
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
};

export const settingsForm = z.object({
  idleMinutes: whole('idleMinutes'),
  keepDaily: whole('keepDaily'),
  keepWeekly: whole('keepWeekly'),
  retentionYears: whole('retentionYears'),
  userName: contract['prefs.setUserName'].input.shape.userName,
});
export type SettingsFormInput = z.input<typeof settingsForm>;
export type SettingsFormOutput = z.output<typeof settingsForm>;
export const NUMBER_FIELDS = ['idleMinutes', 'keepDaily', 'keepWeekly', 'retentionYears'] as const;
