// A labelled input with an optional hint and a translated error, wired for screen readers
// (aria-describedby, aria-invalid). Takes react-hook-form's register() result as `field`.
import type { InputHTMLAttributes, Ref } from 'react';
import { useTranslation } from 'react-i18next';

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'> & {
  id: string;
  label: string;
  hint?: string | undefined;
  /** An i18n key (validation.* or errors.*), as the contract's schemas and the core produce. */
  errorKey?: string | undefined;
  ref?: Ref<HTMLInputElement>;
};

export function TextField({ id, label, hint, errorKey, className, ...input }: FieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorKey ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  // Text follows its own script (an Arabic name right to left); a caller's explicit dir wins.
  const textual = input.type === undefined || input.type === 'text' || input.type === 'search';
  return (
    <div className={`field${errorKey ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={className ? `input ${className}` : 'input'}
        aria-invalid={errorKey ? true : undefined}
        aria-describedby={describedBy}
        dir={textual ? 'auto' : undefined}
        {...input}
      />
      {errorKey && (
        <p className="field__error" id={errorId}>
          {t(errorKey)}
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
