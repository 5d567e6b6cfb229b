// The import failures a user can act on, with the words they see, in one place.
import { AppError } from '../../errors';
import { MAX_PDF_PAGES } from './pdf/pdf-limits';

export const SUPPORTED_FILE_TYPES = '.txt, .md, .html, .docx, .pdf';
const MAX_PDF_PAGES_TEXT = MAX_PDF_PAGES.toLocaleString('en-US');

export function noTextToImport(): AppError {
  return new AppError('INVALID_INPUT', { userMessage: 'The document has no text to import.' });
}

export function fileTooLarge(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', { userMessage: 'Files up to 10 MB can be imported.' });
}

export function unsupportedFile(fileName: string | undefined): AppError {
  const isOldWord = /\.doc$/i.test(fileName ?? '');
  return new AppError('UNSUPPORTED_MEDIA_TYPE', {
    message: `Unsupported import file: ${fileName ?? '(no name)'}`,
    userMessage: isOldWord
      ? `Old Word .doc files cannot be imported; save the file as .docx first. Files supported: ${SUPPORTED_FILE_TYPES}.`
      : `This type of file cannot be imported. Files supported: ${SUPPORTED_FILE_TYPES}.`,
  });
}

export function notATextFile(): AppError {
  return new AppError('INVALID_INPUT', {
    userMessage: 'This file is not a text file, or its text is not UTF-8. Save it as UTF-8 text and try again.',
  });
}

export function unreadableDocx(cause?: unknown): AppError {
  return new AppError('INVALID_INPUT', {
    message: `Unreadable .docx: ${cause instanceof Error ? cause.message : String(cause ?? 'not a zip file')}`,
    userMessage: 'This .docx file could not be read. It may be damaged or not a Word document.',
  });
}

export function docxTooLargeUnpacked(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', {
    userMessage: 'This .docx file is too large to import once unpacked.',
  });
}

export function pdfWithoutText(): AppError {
  return new AppError('INVALID_INPUT', {
    userMessage:
      'This PDF has no text layer: it looks like a scan or a set of images. Run it through OCR (text recognition) first, then import the searchable PDF.',
  });
}

export function pdfEncrypted(): AppError {
  return new AppError('INVALID_INPUT', {
    userMessage: 'This PDF is protected by a password. Remove the password (save an unprotected copy) and import that.',
  });
}

export function pdfUnreadable(detail: string): AppError {
  return new AppError('INVALID_INPUT', {
    message: `Unreadable PDF: ${detail}`,
    userMessage: 'This PDF could not be read. It may be damaged or not a PDF file.',
  });
}

export function pdfTooComplex(pages: number | null): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', {
    userMessage:
      pages === null
        ? 'This PDF takes too long or too much memory to read. Split it into smaller files and import them one by one.'
        : `This PDF has ${pages.toLocaleString('en-US')} pages; PDFs up to ${MAX_PDF_PAGES_TEXT} pages can be imported.`,
  });
}
