// Vite's `?url` imports (an asset bundled next to the app, imported as its URL): the pdf.js worker.
declare module '*?url' {
  const url: string;
  export default url;
}
