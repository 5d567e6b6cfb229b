import 'server-only';
import type { AnnotationEvidenceFields } from '@/lib/domain/evidence/annotation-evidence';

/** The evidence columns (lib/domain/evidence), part of every annotation read. */
export const annotationEvidenceSelect = {
  taggedExact: true,
  taggedPrefix: true,
  taggedSuffix: true,
  taggedStart: true,
  taggedEnd: true,
  taggedRevisionId: true,
  confirmedExact: true,
  confirmedPrefix: true,
  confirmedSuffix: true,
  confirmedAt: true,
  confirmedById: true,
  importedCreatorName: true,
  importedAt: true,
  importedById: true,
} as const satisfies Record<keyof AnnotationEvidenceFields, true>;
