// One section of the case file as a form that saves itself: every change (re)starts a 600 ms
// timer; when it fires the form is checked against the section's schema (the same zod schema the
// core applies) and, only if valid, sent with the revision the editor started from. Invalid fields
// keep what was typed and are marked; the save waits for them. An edit conflict stops autosaving
// and keeps the text until the person chooses. Saves of one section never overlap.
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, type FieldValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { CaseRecord, Section, SectionRevisions, SectionUpdate } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { formPathOf } from './paths';
import { registerFlush } from './registry';

export const AUTOSAVE_DELAY_MS = 600;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'conflict' }
  | { kind: 'failed'; error: ApiError };

export interface SectionFormOptions<F extends FieldValues> {
  caseId: string;
  section: Section;
  /** The record the page loaded; the form starts from it and its revision of this section. */
  record: CaseRecord;
  toForm: (file: CaseRecord['file']) => F;
  /** Validates the form's values; its output, through toValue, is what is sent. */
  schema: z.ZodType<unknown, F>;
  toValue: (parsed: unknown) => unknown;
  onSaved?: (value: unknown, revisions: SectionRevisions) => void;
  onVaultLocked: () => void;
}

export interface SectionForm<F extends FieldValues> {
  form: UseFormReturn<F>;
  status: SaveStatus;
  /** Call after changes react-hook-form does not see as input (list edits made in code). */
  changed: () => void;
  /** Conflict: replace the form with what is stored now. */
  loadStored: () => Promise<void>;
  /** Conflict: save what is in the form over what is stored now. */
  keepMine: () => Promise<void>;
}

export function useSectionForm<F extends FieldValues>(options: SectionFormOptions<F>): SectionForm<F> {
  const { caseId, section, record, toForm, schema, toValue, onSaved, onVaultLocked } = options;
  const form = useForm<F>({
    defaultValues: toForm(record.file) as never,
    resolver: zodResolver(schema as never) as unknown as Resolver<F>,
    mode: 'onBlur',
    reValidateMode: 'onChange',
  });
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const state = useRef({
    revision: record.revisions[section],
    dirty: false,
    conflict: false,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    running: null as Promise<boolean> | null,
    suppress: false,
  });
  const latest = useRef({ toValue, onSaved, onVaultLocked, schema });
  useEffect(() => {
    latest.current = { toValue, onSaved, onVaultLocked, schema };
  });

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const s = state.current;
    if (!s.dirty) return true;
    if (s.conflict) return false;
    const parsed = latest.current.schema.safeParse(form.getValues());
    if (!parsed.success) {
      await form.trigger();
      setStatus({ kind: 'invalid' });
      return false;
    }
    const value = latest.current.toValue(parsed.data);
    s.dirty = false;
    setStatus({ kind: 'saving' });
    try {
      const saved = await api.cases.update({ id: caseId, revision: s.revision, update: { section, value } as SectionUpdate });
      s.revision = saved.revisions[section];
      form.clearErrors();
      latest.current.onSaved?.(value, saved.revisions);
      setStatus(s.dirty ? { kind: 'pending' } : { kind: 'saved' });
      return true;
    } catch (caught) {
      const error = toApiError(caught);
      s.dirty = true;
      if (error.code === 'VAULT_LOCKED') {
        latest.current.onVaultLocked();
      } else if (error.code === 'EDIT_CONFLICT') {
        s.conflict = true;
        setStatus({ kind: 'conflict' });
      } else if (error.code === 'INVALID_INPUT' && error.issues.length > 0) {
        let first = true;
        for (const issue of error.issues) {
          const path = formPathOf(section, issue.path);
          if (!path) continue;
          form.setError(path as never, { type: 'server', message: issue.message }, { shouldFocus: false });
          first = false;
        }
        setStatus(first ? { kind: 'failed', error } : { kind: 'invalid' });
      } else {
        setStatus({ kind: 'failed', error });
      }
      return false;
    }
  }, [caseId, section, form]);

  /** Save now (after any save already running); true when nothing is left unsaved. */
  const flush = useCallback((): Promise<boolean> => {
    const s = state.current;
    clearTimeout(s.timer);
    const previous = s.running ?? Promise.resolve(true);
    const run = previous.then(() => saveOnce());
    s.running = run;
    void run.finally(() => {
      if (s.running === run) s.running = null;
    });
    return run;
  }, [saveOnce]);

  const changed = useCallback(() => {
    const s = state.current;
    if (s.suppress) return;
    s.dirty = true;
    if (s.conflict) return;
    setStatus({ kind: 'pending' });
    clearTimeout(s.timer);
    s.timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/incompatible-library -- watch(callback) subscribes; it is not a render value
    const subscription = form.watch(() => changed());
    return () => subscription.unsubscribe();
  }, [form, changed]);

  // Leaving the page (another case, the list, lock) saves what is pending.
  useEffect(() => {
    const unregister = registerFlush(flush);
    const s = state.current;
    return () => {
      unregister();
      if (s.dirty) void flush();
    };
  }, [flush]);

  const loadStored = useCallback(async () => {
    try {
      const stored = await api.cases.get({ id: caseId });
      const s = state.current;
      s.suppress = true;
      form.reset(toForm(stored.file) as never);
      s.suppress = false;
      s.revision = stored.revisions[section];
      s.dirty = false;
      s.conflict = false;
      setStatus({ kind: 'saved' });
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') latest.current.onVaultLocked();
      else setStatus({ kind: 'failed', error });
    }
  }, [caseId, section, form, toForm]);

  const keepMine = useCallback(async () => {
    try {
      const stored = await api.cases.get({ id: caseId });
      const s = state.current;
      s.revision = stored.revisions[section];
      s.conflict = false;
      s.dirty = true;
      await flush();
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') latest.current.onVaultLocked();
      else setStatus({ kind: 'failed', error });
    }
  }, [caseId, section, flush]);

  return { form, status, changed, loadStored, keepMine };
}
