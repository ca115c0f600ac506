// One section of the case page: a labelled region with its heading, its save status and its form.
import type { ReactNode } from 'react';
import { FormProvider, type FieldValues } from 'react-hook-form';
import { SaveStatusLine } from '../autosave/SaveStatusLine';
import type { SectionForm } from '../autosave/useSectionForm';

interface Props<F extends FieldValues> {
  id: string;
  title: string;
  intro?: string;
  editor: SectionForm<F>;
  children: ReactNode;
}

export function SectionCard<F extends FieldValues>({ id, title, intro, editor, children }: Props<F>) {
  return (
    <section className="card intake-section" id={id} aria-labelledby={`${id}-title`} data-save-status={editor.status.kind}>
      <header className="intake-section__head">
        <h2 id={`${id}-title`} className="card__title" tabIndex={-1}>
          {title}
        </h2>
        <SaveStatusLine status={editor.status} onLoadStored={() => void editor.loadStored()} onKeepMine={() => void editor.keepMine()} />
      </header>
      {intro && <p className="intake-section__intro">{intro}</p>}
      <FormProvider {...editor.form}>
        <form className="intake-form" noValidate onSubmit={(event) => event.preventDefault()}>
          {children}
        </form>
      </FormProvider>
    </section>
  );
}
