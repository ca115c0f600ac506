// Page geometry the bundle's own pages share (the index, images, placeholders) and the band that
// holds the stamp on every page.
import { rgb } from 'pdf-lib';

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 56.7; // 2 cm
/** Height of the band that holds the stamp. */
export const BAND = 20;
export const GREY = rgb(0.25, 0.25, 0.25);
