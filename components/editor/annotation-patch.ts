import type { Tag } from '@/lib/domain/annotations/tags';

/** What a card may change on an annotation (sent as a PATCH with the version it was read at). */
export type AnnotationPatch = {
  tag?: Tag;
  note?: string | null;
  status?: 'open' | 'resolved';
  reviewStatus?: 'open' | 'accepted' | 'rejected';
  assigneeId?: string | null;
  /** Mark privileged on this basis, or (null) withdraw the privilege: its own endpoint. */
  privilege?: string | null;
};
