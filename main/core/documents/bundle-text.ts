// The few words the bundle prints itself (everything else comes from the templates). They are
// document text in the document's language, not interface text, so they live beside the bundle
// rather than in the app's i18n catalogues (main/core never reads the renderer's files).
import type { DocumentLanguage } from '../../../preload/schemas/documents';

export interface BundleText {
  /** The running stamp on every page. */
  page: (page: number, total: number) => string;
  /** "Bilag 3": before the page stamp on an annex's pages, and in the outline. */
  annex: (number: number) => string;
  indexTitle: string;
  indexColumns: { number: string; name: string; page: string };
  noAnnexes: string;
  /** The page that stands in for an annex that could not be included. */
  placeholderTitle: (number: number) => string;
  placeholderBody: string;
  /** The stored file's name ends with this for a bundle ("2026-200 Indlæg med bilag (da).pdf"). */
  bundleSuffix: string;
}

export const bundleText: Record<DocumentLanguage, BundleText> = {
  da: {
    page: (page, total) => `Side ${page} af ${total}`,
    annex: (number) => `Bilag ${number}`,
    indexTitle: 'Bilagsfortegnelse',
    indexColumns: { number: 'Bilag', name: 'Betegnelse', page: 'Side' },
    noAnnexes: 'Der er ingen bilag.',
    placeholderTitle: (number) => `Bilag ${number} kunne ikke medtages`,
    placeholderBody:
      'Filen er beskyttet med adgangskode, beskadiget eller ikke en PDF eller et billede, der kan læses. Bilaget eftersendes særskilt.',
    bundleSuffix: 'med bilag',
  },
  en: {
    page: (page, total) => `Page ${page} of ${total}`,
    annex: (number) => `Annex ${number}`,
    indexTitle: 'List of annexes',
    indexColumns: { number: 'Annex', name: 'Description', page: 'Page' },
    noAnnexes: 'There are no annexes.',
    placeholderTitle: (number) => `Annex ${number} could not be included`,
    placeholderBody:
      'The file is password-protected, damaged, or not a PDF or image that can be read. The annex will be sent separately.',
    bundleSuffix: 'with annexes',
  },
};
