// A generated PDF shown inside the app: pdf.js draws each page on a canvas, only when it scrolls
// near the view (a 300-page bundle does not draw 300 pages up front), at the width of the panel or
// at a chosen zoom. The bytes come from the vault chunk by chunk (documents.read); nothing is
// written to disk.
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentVersion } from '../../../preload/contract';
import { ApiError } from '../api/client';
import { useSaveCopyTarget } from '../app/menuCommands';
import { readVersion, saveVersionCopy } from './bytes';
import { DocumentError } from './DocumentError';
import { openPdf } from './pdfjs';

/** CSS pixels per PDF point at 100 %. */
const CSS_PER_POINT = 96 / 72;
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2];
type Zoom = 'fit' | number;

interface Props {
  version: DocumentVersion;
  onClose: () => void;
  onVaultLocked: () => void;
}

export function PdfPreview({ version, onClose, onVaultLocked }: Props) {
  const { t } = useTranslation();
  // The menu's "Save a copy" saves the document shown here (app/menuCommands.ts).
  useSaveCopyTarget(() => saveVersionCopy(version));
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [pageSize, setPageSize] = useState<{ width: number; height: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [width, setWidth] = useState(0);
  // The scrolling box of pages: what the pages watch to know they are near the view.
  const [pagesElement, setPagesElement] = useState<HTMLDivElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [version.id]);

  useEffect(() => {
    const controller = new AbortController();
    let opened: PDFDocumentProxy | null = null;
    // One version per mount (the panel keys the preview by the version's id): nothing to reset.
    (async () => {
      const bytes = await readVersion(version.id, controller.signal);
      opened = await openPdf(bytes);
      const first = await opened.getPage(1);
      const viewport = first.getViewport({ scale: 1 });
      if (controller.signal.aborted) return;
      setPageSize({ width: viewport.width, height: viewport.height });
      setDoc(opened);
    })().catch((caught: unknown) => {
      if (controller.signal.aborted) return;
      // pdf.js's own errors carry no client data, but their text is not for people: a code only.
      const failure = caught instanceof ApiError ? caught : new ApiError('PDF_UNREADABLE');
      if (failure.code === 'VAULT_LOCKED') onVaultLocked();
      else setError(failure);
    });
    return () => {
      controller.abort();
      void opened?.destroy();
    };
  }, [version.id, onVaultLocked]);

  useEffect(() => {
    if (!pagesElement) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(pagesElement);
    return () => observer.disconnect();
  }, [pagesElement]);

  const fitScale = pageSize && width > 0 ? Math.max(0.2, (width - 32) / pageSize.width) : 1;
  const scale = zoom === 'fit' ? fitScale : zoom * CSS_PER_POINT;
  const percent = Math.round((scale / CSS_PER_POINT) * 100);
  const zoomStep = (direction: 1 | -1) => {
    const current = scale / CSS_PER_POINT;
    const next = direction > 0 ? ZOOMS.find((z) => z > current + 0.01) : [...ZOOMS].reverse().find((z) => z < current - 0.01);
    if (next !== undefined) setZoom(next);
  };

  return (
    <section className="doc-preview" aria-labelledby={`preview-${version.id}-title`} aria-busy={!doc && !error}>
      <header className="doc-preview__head">
        <h3 id={`preview-${version.id}-title`} ref={heading} tabIndex={-1}>
          {t('documents.preview.title', { name: version.name })}
        </h3>
        <div className="doc-preview__tools" role="toolbar" aria-label={t('documents.preview.tools')}>
          {doc && <span className="doc-preview__count">{t('documents.preview.pageCount', { count: doc.numPages })}</span>}
          <button type="button" className="button button--quiet" aria-pressed={zoom === 'fit'} disabled={!doc} onClick={() => setZoom('fit')}>
            {t('documents.preview.fit')}
          </button>
          <button type="button" className="button button--quiet" disabled={!doc || percent <= ZOOMS[0]! * 100} onClick={() => zoomStep(-1)}>
            {t('documents.preview.zoomOut')}
          </button>
          <output className="doc-preview__zoom" aria-label={t('documents.preview.zoom')}>
            {doc ? `${percent} %` : ''}
          </output>
          <button type="button" className="button button--quiet" disabled={!doc || percent >= ZOOMS[ZOOMS.length - 1]! * 100} onClick={() => zoomStep(1)}>
            {t('documents.preview.zoomIn')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('documents.preview.close')}
          </button>
        </div>
      </header>
      <DocumentError error={error} />
      {!doc && !error && <p className="loading">{t('documents.preview.loading')}</p>}
      {doc && pageSize && (
        <div className="doc-preview__pages" ref={setPagesElement} role="region" aria-label={t('documents.preview.pages')} tabIndex={0}>
          {Array.from({ length: doc.numPages }, (_, index) => (
            <PageCanvas key={index} doc={doc} number={index + 1} total={doc.numPages} scale={scale} estimate={pageSize} root={pagesElement} />
          ))}
        </div>
      )}
    </section>
  );
}

interface PageProps {
  doc: PDFDocumentProxy;
  number: number;
  total: number;
  scale: number;
  /** The first page's size, for the space a page takes before it is drawn. */
  estimate: { width: number; height: number };
  root: HTMLDivElement | null;
}

function PageCanvas({ doc, number, total, scale, estimate, root }: PageProps) {
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(false);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [failed, setFailed] = useState(false);
  /** The last render: a canvas takes one render at a time, so a new one waits for it to stop. */
  const rendering = useRef<RenderTask | null>(null);

  useEffect(() => {
    const element = frame.current;
    if (!element || !root) return;
    const observer = new IntersectionObserver(([entry]) => entry?.isIntersecting && setNear(true), { root, rootMargin: '600px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [root]);

  useEffect(() => {
    if (!near) return;
    let task: RenderTask | null = null;
    let current = true;
    (async () => {
      await rendering.current?.promise.catch(() => undefined);
      const page = await doc.getPage(number);
      if (!current || !canvas.current) return;
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const target = canvas.current;
      target.width = Math.floor(viewport.width * ratio);
      target.height = Math.floor(viewport.height * ratio);
      setSize({ width: viewport.width, height: viewport.height });
      task = page.render({ canvas: target, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      rendering.current = task;
      await task.promise;
    })().catch((caught: unknown) => {
      // A render cancelled by a zoom change or unmount is not a failure.
      if (current && !(caught instanceof Error && caught.name === 'RenderingCancelledException')) setFailed(true);
    });
    return () => {
      current = false;
      task?.cancel();
    };
  }, [near, doc, number, scale]);

  const width = size?.width ?? estimate.width * scale;
  const height = size?.height ?? estimate.height * scale;
  const label = t('documents.preview.page', { page: number, total });
  return (
    <div className="doc-preview__page" ref={frame} data-page={number} style={{ width, height }}>
      {failed ? (
        <p className="muted">{t('documents.preview.pageFailed', { page: number })}</p>
      ) : (
        <canvas ref={canvas} role="img" aria-label={label} style={{ width, height }} />
      )}
    </div>
  );
}
