import 'server-only';

/** The columns of a comment as the export (and its reply IRI) describes it. */
export const exportCommentSelect = {
  id: true,
  parentId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { id: true, name: true } },
} as const;

/** The columns of a link as the export (and its link IRI) describes it, with each end's article. */
export const exportLinkSelect = {
  id: true,
  type: true,
  fromAnnotationId: true,
  toAnnotationId: true,
  createdAt: true,
  createdById: true,
  from: { select: { articleId: true } },
  to: { select: { articleId: true } },
} as const;
