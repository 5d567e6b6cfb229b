/** A mention of the reader, as the inbox shows it. */
export type InboxItem = {
  id: string;
  readAt: string | null;
  createdAt: string;
  author: string;
  body: string;
  deleted: boolean;
  quote: string;
  articleTitle: string;
  href: string;
};
