import 'server-only';
import type { ExportPerson } from '@/lib/domain/export/annotation-export';
import { isUuid } from '@/lib/validation/ids';
import { AppError } from '@/lib/errors';
import { db } from '../../db';

// Behind the creator IRIs (/users/{id}) the API and the export emit.

const notFound = (what: string) =>
  new AppError('NOT_FOUND', { userMessage: `This ${what} does not exist or you cannot see it.` });
const member = (userId: string) => ({ memberships: { some: { userId } } });

/** A person the caller shares a workspace with (or the caller): name only, never the email. */
export async function getVisiblePerson(options: { userId: string; personId: string }): Promise<ExportPerson> {
  if (!isUuid(options.personId)) throw notFound('person');
  const found = await db().user.findFirst({
    where: {
      id: options.personId,
      OR: [{ id: options.userId }, { memberships: { some: { workspace: member(options.userId) } } }],
    },
    select: { id: true, name: true },
  });
  if (!found) throw notFound('person');
  return found;
}
