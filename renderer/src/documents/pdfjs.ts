// pdf.js for the in-app preview, loaded only when a preview is first opened (it is large). Its
// worker is the file Vite bundles next to the app (`?url`): same origin, so the CSP's
// script-src 'self' (worker-src falls back to it) lets it start, and nothing comes from outside.
// Options that would need more than the CSP allows are off: no eval (font programs are
// interpreted instead), no WebAssembly decoders, no fetching of fonts or maps, no system fonts.
import type * as PdfJs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

let loaded: Promise<typeof PdfJs> | null = null;

function pdfjs(): Promise<typeof PdfJs> {
  loaded ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerSrc = workerUrl;
    return module;
  });
  return loaded;
}

export async function openPdf(bytes: Uint8Array<ArrayBuffer>): Promise<PDFDocumentProxy> {
  const { getDocument } = await pdfjs();
  return getDocument({
    data: bytes,
    isEvalSupported: false,
    useWasm: false,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    enableXfa: false,
    // Only errors, and those are handled by the preview: pdf.js must not write to the console.
    verbosity: 0,
  }).promise;
}
