import 'server-only';
import type { ImportedAnnotation } from '@/lib/domain/import/web-annotation-import';
import type { Prisma } from '../../generated/prisma/client';

type Tx = Prisma.TransactionClient;

/** Members by name, for names that only one member has: an ambiguous name maps onto nobody. */
export async function membersByUniqueName(tx: Tx, workspaceId: string): Promise<Map<string, string>> {
  const memberships = await tx.membership.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, name: true } } },
  });
  const byName = new Map<string, string | null>();
  for (const { user } of memberships) byName.set(user.name, byName.has(user.name) ? null : user.id);
  return new Map([...byName].flatMap(([name, id]) => (id ? [[name, id] as const] : [])));
}

/** What an imported annotation keeps of where it came from ("by X, imported by Y on …"). */
export function importCustody(
  annotation: Pick<ImportedAnnotation, 'creatorName' | 'created' | 'reviewStatus' | 'assigneeName'>,
  importerId: string,
  now: Date,
  memberByName: Map<string, string>,
) {
  const verdict = annotation.reviewStatus && annotation.reviewStatus !== 'open';
  return {
    createdAt: annotation.created ?? now,
    importedCreatorName: annotation.creatorName,
    importedAt: now,
    importedById: importerId,
    assigneeId: annotation.assigneeName ? (memberByName.get(annotation.assigneeName) ?? null) : null,
    // The file says who decided but not as a member here: the import is when it arrived.
    ...(verdict ? { reviewedAt: now } : {}),
  };
}
