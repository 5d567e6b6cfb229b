// Typed links between annotations, read in both directions: the card at the "from" end says
// "contradicts …", the one at the "to" end says "contradicted by …".
export const LINK_TYPES = ['supports', 'contradicts', 'rebuts', 'quotes_source'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export const LINK_LABELS: Record<LinkType, { outgoing: string; incoming: string }> = {
  supports: { outgoing: 'Supports', incoming: 'Supported by' },
  contradicts: { outgoing: 'Contradicts', incoming: 'Contradicted by' },
  rebuts: { outgoing: 'Rebuts', incoming: 'Rebutted by' },
  quotes_source: { outgoing: 'Quotes source', incoming: 'Source quoted by' },
};

export function isLinkType(value: string): value is LinkType {
  return (LINK_TYPES as readonly string[]).includes(value);
}

/** One end of a link as a card shows it: which way it points and the annotation at the other end. */
export type LinkView = {
  id: string;
  type: LinkType;
  direction: 'outgoing' | 'incoming';
  other: { id: string; tag: string; exact: string; articleId: string; articleTitle: string };
  createdBy: string | null;
  canDelete: boolean;
};

export function linkLabel(link: Pick<LinkView, 'type' | 'direction'>): string {
  return LINK_LABELS[link.type][link.direction];
}
