import 'server-only';
import type { AuditEventInput } from '@/lib/domain/audit/audit-event';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { rolesWith, type Role } from '@/lib/domain/permissions/permissions';
import { runPrepared, type PreparedStatement } from '../../db/prepared-statement';
import { auditEventColumns } from '../audit/record-audit-event';

/** The columns a new annotation is written with: the record's own, plus who made it and the request's key. */
export type NewAnnotationRow = Pick<
  AnnotationRecord,
  | 'id'
  | 'articleId'
  | 'revisionId'
  | 'tag'
  | 'note'
  | 'quoteExact'
  | 'quotePrefix'
  | 'quoteSuffix'
  | 'posStart'
  | 'posEnd'
  | 'anchorState'
  | 'createdAt'
  | 'updatedAt'
  | 'taggedExact'
  | 'taggedPrefix'
  | 'taggedSuffix'
  | 'taggedStart'
  | 'taggedEnd'
  | 'taggedRevisionId'
> & {
  workspaceId: string;
  authorId: string;
  extraSelectors: unknown[] | null;
  canonical: string | null;
  via: string | null;
  idempotencyKey: string | null;
};

export type InsertOutcome =
  | { kind: 'written'; userName: string }
  /** No such article, or the user is not a member of its workspace. */
  | { kind: 'not-found' }
  | { kind: 'forbidden'; role: Role }
  /** The row was anchored to a revision that is no longer the current one (or a wrong workspace). */
  | { kind: 'revised'; workspaceId: string; revisionId: string };

// Membership, role, current revision, the row and its audit event in one statement, so one
// round trip and one implicit transaction: both rows or neither. The inserts run only when every
// check holds; the first SELECT says which one failed when nothing was written. The roles come
// from lib/domain/permissions as a parameter, so the table stays the only place deciding.
const INSERT_ANNOTATION: PreparedStatement = {
  name: 'marginalia_insert_annotation_v1',
  text: `
WITH target AS (
  SELECT a."workspaceId", m.role::text AS role, u.name AS "userName",
    (SELECT r.id FROM "ArticleRevision" r WHERE r."articleId" = a.id ORDER BY r.number DESC LIMIT 1) AS "revisionId"
  FROM "Article" a
  JOIN "Membership" m ON m."workspaceId" = a."workspaceId" AND m."userId" = $5::uuid
  JOIN "User" u ON u.id = m."userId"
  WHERE a.id = $3::uuid
), inserted AS (
  INSERT INTO "Annotation" (
    id, "workspaceId", "articleId", "revisionId", "authorId", tag, note,
    "quoteExact", "quotePrefix", "quoteSuffix", "posStart", "posEnd", "anchorState",
    "taggedExact", "taggedPrefix", "taggedSuffix", "taggedStart", "taggedEnd", "taggedRevisionId",
    "createdAt", "updatedAt", "extraSelectors", canonical, via, "idempotencyKey")
  SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6, $7,
    $8, $9, $10, $11::int, $12::int, $13::"AnchorState",
    $14, $15, $16, $17::int, $18::int, $19::uuid,
    $20::timestamp(3), $21::timestamp(3), $22::jsonb, $23, $24, $25
  FROM target t
  WHERE t.role = ANY($26::text[]) AND t."revisionId" = $4::uuid AND t."workspaceId" = $2::uuid
  RETURNING id
), audited AS (
  INSERT INTO "AuditEvent" ("workspaceId", "actorId", action, "objectType", "objectId", "articleId", before, after)
  SELECT $27::uuid, $28::uuid, $29, $30, $31, $32::uuid, $33::jsonb, $34::jsonb
  FROM inserted
  RETURNING id
)
SELECT t."workspaceId", t.role, t."userName", t."revisionId", (SELECT count(*) FROM audited)::int AS written
FROM target t`,
};

const CAN_CREATE = rolesWith('annotation.create', 'any');

type Row = { workspaceId: string; role: Role; userName: string; revisionId: string; written: number };

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** Stores the annotation and its audit event when the user may and `row.revisionId` is still current. */
export async function insertAnnotation(row: NewAnnotationRow, event: AuditEventInput): Promise<InsertOutcome> {
  const audit = auditEventColumns(event);
  const [found] = await runPrepared<Row>(INSERT_ANNOTATION, [
    row.id,
    row.workspaceId,
    row.articleId,
    row.revisionId,
    row.authorId,
    row.tag,
    row.note,
    row.quoteExact,
    row.quotePrefix,
    row.quoteSuffix,
    row.posStart,
    row.posEnd,
    row.anchorState,
    row.taggedExact,
    row.taggedPrefix,
    row.taggedSuffix,
    row.taggedStart,
    row.taggedEnd,
    row.taggedRevisionId,
    // Timestamps are stored as UTC without a zone, as Prisma stores them.
    row.createdAt.toISOString(),
    row.updatedAt.toISOString(),
    row.extraSelectors?.length ? JSON.stringify(row.extraSelectors) : null,
    row.canonical,
    row.via,
    row.idempotencyKey,
    CAN_CREATE,
    audit.workspaceId,
    audit.actorId,
    audit.action,
    audit.objectType,
    audit.objectId,
    audit.articleId,
    json(audit.before),
    json(audit.after),
  ]);
  if (!found?.revisionId) return { kind: 'not-found' };
  if (found.written) return { kind: 'written', userName: found.userName };
  if (!CAN_CREATE.includes(found.role)) return { kind: 'forbidden', role: found.role };
  return { kind: 'revised', workspaceId: found.workspaceId, revisionId: found.revisionId };
}
