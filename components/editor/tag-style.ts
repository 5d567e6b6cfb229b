import { TAG_LABELS, type Tag } from '@/lib/domain/annotations/tags';

/** Chip colours match the highlight colours in globals.css. */
export const TAG_CHIP: Record<Tag, string> = {
  finding: 'bg-amber-100 text-amber-900 ring-amber-300',
  quote: 'bg-sky-100 text-sky-900 ring-sky-300',
  rebuttal: 'bg-rose-100 text-rose-900 ring-rose-300',
};

export function tagLabel(tag: string): string {
  return TAG_LABELS[tag as Tag] ?? tag;
}

export function tagChipClass(tag: string): string {
  return TAG_CHIP[tag as Tag] ?? 'bg-stone-100 text-stone-800 ring-stone-300';
}

/** One vocabulary for anchor states: lib/domain/evidence. */
export {
  EVIDENCE_STATE_LABELS as STATE_LABELS,
  EVIDENCE_STATE_HELP as STATE_HELP,
} from '@/lib/domain/evidence/evidence-state';

export const REVIEW_LABELS = { open: 'Open', accepted: 'Accepted', rejected: 'Rejected' } as const;
