/** A change to an article, as live updates deliver it: an audit event, with its id for resuming. */
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
