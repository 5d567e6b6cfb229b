/** A change to an article, as live updates deliver it: an audit event, with an opaque cursor as its id. */
export type LiveEvent = {
  id: string;
  action: string;
  objectType: string;
  objectId: string;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
};

/** Where a page's live updates start: the cursor it was rendered at and the events it already shows. */
export type LiveCursor = { after: string; seen: string[] };
