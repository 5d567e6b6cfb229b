/** Past this a PDF is refused before its pages are read: a 300-page deposition is common, 2,000 pages is not. */
export const MAX_PDF_PAGES = 2_000;
