// pdfjs-dist ships no types for its worker module. We import it into the main thread (the "fake
// worker"), and only hand its WorkerMessageHandler to pdf.mjs through globalThis.pdfjsWorker.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
