// The review tags. Order gives the keyboard shortcuts 1, 2, 3.
export const TAGS = ['finding', 'quote', 'rebuttal'] as const;
export type Tag = (typeof TAGS)[number];

export const TAG_LABELS: Record<Tag, string> = { finding: 'Finding', quote: 'Quote', rebuttal: 'Rebuttal' };

export function isTag(value: string): value is Tag {
  return (TAGS as readonly string[]).includes(value);
}

/** Key "1" tags a Finding, "2" a Quote, "3" a Rebuttal. */
export function tagForKey(key: string): Tag | null {
  const index = Number(key) - 1;
  return Number.isInteger(index) && index >= 0 && index < TAGS.length ? TAGS[index]! : null;
}

export const NOTE_MAX_LENGTH = 2_000;
