// What PDF.js tells us about a page's text, reduced to what layout needs: each run of text
// with its baseline position and size in PDF points (origin at the bottom left of the page).
export type PdfTextItem = { str: string; x: number; y: number; width: number; fontSize: number; hasEOL: boolean };

export type PdfPage = { number: number; width: number; height: number; items: PdfTextItem[] };

export type PdfExtraction = { pages: PdfPage[]; info: { title?: string; author?: string } };

export type PdfExtractionFailure = 'encrypted' | 'damaged' | 'too-many-pages' | 'too-slow' | 'too-large';
