// Labelled controls bound to the surrounding section form (react-hook-form's context): each shows
// its translated error (the schema's i18n key, or the core's) and its hint, wired with
// aria-describedby / aria-invalid. Names of people get dir="auto"; original-script names are
// right-to-left Arabic.
import { useId, type ReactNode } from 'react';
import { get, useFormContext, useFormState, type RegisterOptions } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

export const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
export const toNumberOrNull = (value: unknown) => {
  if (value === '' || value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : value;
};

/** The first error message at `name` or under it (a list's entries), as an i18n key. */
export function useErrorKey(name: string): string | undefined {
  const { control } = useFormContext();
  const { errors } = useFormState({ control, name });
  const found = get(errors, name) as unknown;
  return firstMessage(found);
}

function firstMessage(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const message = (node as { message?: unknown }).message;
  if (typeof message === 'string' && message) return message;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ref') continue;
    const inner = firstMessage(value);
    if (inner) return inner;
  }
  return undefined;
}

interface FrameProps {
  id: string;
  label: string;
  hint?: string | undefined;
  errorKey?: string | undefined;
  special?: boolean | undefined;
  className?: string | undefined;
  children: (aria: { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }) => ReactNode;
}

export function FieldFrame({ id, label, hint, errorKey, special, className, children }: FrameProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorKey ? `${id}-error` : undefined;
  const specialId = special ? `${id}-special` : undefined;
  const describedBy = [errorId, hintId, specialId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errorKey ? ' field--invalid' : ''}${special ? ' field--special' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {special && (
          <span className="special-flag" id={specialId}>
            {t('intake.specialCategory')}
          </span>
        )}
      </label>
      {children({ 'aria-invalid': errorKey ? true : undefined, 'aria-describedby': describedBy })}
      {errorKey && (
        <p className="field__error" id={errorId}>
          {t(errorKey, { defaultValue: t('validation.invalid') })}
        </p>
      )}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

interface InputProps {
  name: string;
  label: string;
  hint?: string | undefined;
  special?: boolean | undefined;
  className?: string | undefined;
  type?: 'text' | 'email' | 'tel' | 'number' | 'date';
  dir?: 'auto' | 'ltr' | 'rtl';
  lang?: string;
  maxLength?: number;
  placeholder?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  options?: RegisterOptions;
  autoFocus?: boolean;
}

/** Free text follows its own script (dir="auto"): an Arabic name runs right to left, a Latin one left to right. */
export function TextInput({ name, label, hint, special, className, options, type = 'text', ...rest }: InputProps) {
  const { register } = useFormContext();
  const id = useId();
  const errorKey = useErrorKey(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} errorKey={errorKey} special={special} className={className}>
      {(aria) => <input id={id} className="input" type={type} dir={type === 'text' ? 'auto' : undefined} autoComplete="off" spellCheck={false} {...rest} {...aria} {...register(name, options)} />}
    </FieldFrame>
  );
}

/** A person's name as written in the original script: right to left, Arabic. */
export function OriginalNameInput({ name, label, hint }: { name: string; label: string; hint?: string }) {
  return <TextInput name={name} label={label} hint={hint} dir="rtl" lang="ar" maxLength={200} className="field--rtl" />;
}

/** YYYY, YYYY-MM or YYYY-MM-DD, with the hint that says so. */
export function PartialDateInput({ name, label, options }: { name: string; label: string; options?: RegisterOptions }) {
  const { t } = useTranslation();
  return (
    <TextInput
      name={name}
      label={label}
      hint={t('intake.partialDateHint')}
      dir="ltr"
      maxLength={10}
      placeholder={t('intake.partialDatePlaceholder')}
      className="field--date"
      {...(options ? { options } : {})}
    />
  );
}

export function TextArea({ name, label, hint, rows = 3, dir = 'auto', special }: { name: string; label: string; hint?: string; rows?: number; dir?: 'auto' | 'ltr' | 'rtl'; special?: boolean }) {
  const { register } = useFormContext();
  const id = useId();
  const errorKey = useErrorKey(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} errorKey={errorKey} special={special} className="field--wide">
      {(aria) => <textarea id={id} className="input textarea" rows={rows} dir={dir} {...aria} {...register(name)} />}
    </FieldFrame>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function Select({
  name,
  label,
  choices,
  empty,
  hint,
}: {
  name: string;
  label: string;
  choices: Choice[];
  /** Label of the "not set" choice; the field is nullable when given. */
  empty?: string;
  hint?: string;
}) {
  const { register } = useFormContext();
  const id = useId();
  const errorKey = useErrorKey(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} errorKey={errorKey}>
      {(aria) => (
        <select id={id} className="input select" {...aria} {...register(name, empty !== undefined ? { setValueAs: emptyToNull } : {})}>
          {empty !== undefined && <option value="">{empty}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function Checkbox({ name, label }: { name: string; label: string }) {
  const { register } = useFormContext();
  const id = useId();
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" {...register(name)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
