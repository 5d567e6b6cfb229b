// Who may re-confirm an annotation on new words or re-anchor it by hand. A verdict was given by
// an editor or owner on particular words: only they may carry it over to other words. Without a
// verdict, the author (who may change the annotation anyway) may too.
import { can, scopeOf, type Role } from '../permissions/permissions';

export function mayConfirmEvidence(options: {
  role: Role;
  isAuthor: boolean;
  reviewStatus: 'open' | 'accepted' | 'rejected';
}): boolean {
  if (can(options.role, 'annotation.review')) return true;
  // The author's own-object grant, which a demoted author (now a viewer) no longer has.
  return options.reviewStatus === 'open' && options.isAuthor && scopeOf(options.role, 'annotation.update') !== null;
}
