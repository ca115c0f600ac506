// The text of a stored PDF, page by page. The lawyer selects a passage (mouse, or the keyboard with
// caret browsing, F7) and "Use selection as excerpt" hands its text and page to the excerpt form.
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { useApiLoad } from '../app/useApiLoad';
import { readSelection, type PageSelection } from './selection';

interface Props {
  sourceId: string;
  onUseSelection: (selection: PageSelection) => void;
  onVaultLocked: () => void;
}

export function PdfPages({ sourceId, onUseSelection, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const viewer = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  const [noSelection, setNoSelection] = useState(false);
  const load = useCallback(() => api.evidence.pageTexts({ sourceId }).then((answer) => answer.pages), [sourceId]);
  // Nothing is read until the lawyer asks to see the pages.
  const { data: pages, error } = useApiLoad(shown ? load : null, onVaultLocked);

  if (!shown) {
    return (
      <button type="button" className="button" onClick={() => setShown(true)}>
        {t('evidence.pdf.show')}
      </button>
    );
  }
  const use = () => {
    const selection = viewer.current ? readSelection(viewer.current) : null;
    setNoSelection(!selection);
    if (selection) onUseSelection(selection);
  };
  return (
    <div className="pdf" aria-busy={pages === null && !error}>
      <ErrorAlert error={error} />
      {pages === null && !error && <p className="loading">{t('app.loading')}</p>}
      {pages !== null && (
        <>
          <div className="pdf__tools">
            <button
              type="button"
              className="button button--primary"
              // Keep the selection: a mouse press on the button must not clear it first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={use}
            >
              {t('evidence.pdf.useSelection')}
            </button>
            <span className="muted" id={`${id}-hint`}>
              {t('evidence.pdf.hint')}
            </span>
          </div>
          {noSelection && (
            <p className="field__error" role="alert">
              {t('evidence.pdf.noSelection')}
            </p>
          )}
          {pages.length === 0 && <p className="muted">{t('evidence.pdf.noText')}</p>}
          <div className="pdf__pages" ref={viewer} aria-label={t('evidence.pdf.pages')} role="region" aria-describedby={`${id}-hint`}>
            {pages.map((text, index) => (
              <section key={index} className="pdf__page" data-page={index + 1} aria-label={t('evidence.pdf.page', { page: index + 1 })} tabIndex={0}>
                <h3 className="pdf__page-number" aria-hidden="true">
                  {t('evidence.pdf.page', { page: index + 1 })}
                </h3>
                <p className="pdf__text" dir="auto">
                  {text || t('evidence.pdf.emptyPage')}
                </p>
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
