// Which converter a file goes to. The file name decides first because browsers and
// operating systems disagree about media types (Markdown especially).
import type { ImportFormat } from './imported-document';

const FORMAT_FOR_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

const FORMAT_FOR_MEDIA_TYPE: Readonly<Record<string, ImportFormat>> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/pdf': 'pdf',
};

export function detectImportFormat(fileName: string, mediaType?: string): ImportFormat | null {
  const extension = fileName.match(/\.([A-Za-z0-9]+)$/)?.[1]?.toLowerCase();
  const byExtension = extension ? FORMAT_FOR_EXTENSION[extension] : undefined;
  if (byExtension) return byExtension;
  const essence = mediaType?.split(';')[0]?.trim().toLowerCase();
  return (essence && FORMAT_FOR_MEDIA_TYPE[essence]) || null;
}
