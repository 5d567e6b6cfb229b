/** The review fields of a new annotation: open, unreviewed, unassigned, first version. */
export const FRESH_ANNOTATION = {
  status: 'open',
  reviewStatus: 'open',
  reviewedAt: null,
  reviewedById: null,
  assigneeId: null,
  version: 1,
} as const;
