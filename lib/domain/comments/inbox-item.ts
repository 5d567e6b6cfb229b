/** A mention of the reader, or an annotation assigned to them, as the inbox shows it. */
export type InboxItem = {
  id: string;
  kind: 'mention' | 'assignment';
  readAt: string | null;
  createdAt: string;
  /** Who wrote the comment (mention) or made the assignment. */
  author: string;
  /** The comment's text; empty for an assignment. */
  body: string;
  deleted: boolean;
  quote: string;
  articleTitle: string;
  /** The article page focused on the passage. */
  href: string;
};
