/** A comment as the browser and the API see it. A deleted comment keeps its place with an empty body. */
export type CommentView = {
  id: string;
  author: { id: string; name: string } | null;
  body: string;
  version: number;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  /** Whether the viewer may edit and delete it (its author, with a role that writes). */
  mayChange: boolean;
};
