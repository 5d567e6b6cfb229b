// The API as OpenAPI 3.1, its request bodies and queries generated from the zod schemas the
// routes validate with (zod 4's toJSONSchema), so the document cannot drift from them. The
// route list is checked against app/**/route.ts by openapi-document.test.ts.
import { z } from 'zod';
import { ANNO_MEDIA_TYPE } from '../domain/web-annotation/vocabulary';
import { ZContainerQuery, ZCreateAnnotation, ZUpdateAnnotation } from '../validation/annotations';
import { ZPastedArticle, ZSaveRevision, ZUpdateArticle } from '../validation/articles';
import {
  ZChangeName,
  ZChangePassword,
  ZDailyDigest,
  ZEndSessionsQuery,
  ZRequestPasswordReset,
  ZResetPassword,
  ZVerifyEmail,
} from '../validation/account';
import { ZSignUp } from '../validation/auth';
import { ZCreateComment, ZUpdateComment } from '../validation/comments';
import { ZConfirmAnnotation, ZReanchorAnnotation, ZRevisionDiffQuery } from '../validation/evidence';
import { ZExportQuery } from '../validation/export';
import { ZMarkPrivileged, ZUnmarkPrivileged } from '../validation/privilege';
import { ZAnnotationSearch, ZCreateLink } from '../validation/links';
import { ZAcceptInvitation, ZChangeRole, ZCreateInvitation } from '../validation/members';
import { ZWorkspaceSearch } from '../validation/search';
import { ZCreateApiToken } from '../validation/tokens';
import { ZCreateWorkspace } from '../validation/workspaces';

type Operation = { summary: string; body?: z.ZodType; query?: z.ZodType; ldJson?: boolean };

/** "METHOD /path/{param}" for every route handler. */
export const API_OPERATIONS: Record<string, Operation> = {
  'POST /api/signup': { summary: 'Create an account and its workspace', body: ZSignUp },
  'GET /api/auth/{nextauth}': { summary: 'next-auth: session, providers, CSRF token' },
  'POST /api/auth/{nextauth}': { summary: 'next-auth: sign in, sign out' },
  'GET /api/articles/{articleId}': { summary: 'An article and its current text' },
  'PUT /api/articles/{articleId}': { summary: 'Save a new revision', body: ZSaveRevision },
  'PATCH /api/articles/{articleId}': { summary: "Change an article's details", body: ZUpdateArticle },
  'GET /api/articles/{articleId}/annotations': {
    summary: 'The annotation container, or one page',
    query: ZContainerQuery,
    ldJson: true,
  },
  'POST /api/articles/{articleId}/annotations': {
    summary: 'Create an annotation',
    body: ZCreateAnnotation,
    ldJson: true,
  },
  'GET /api/articles/{articleId}/annotations/{annotationId}': { summary: 'One annotation', ldJson: true },
  'PUT /api/articles/{articleId}/annotations/{annotationId}': {
    summary: 'Replace an annotation (If-Match)',
    body: ZCreateAnnotation,
    ldJson: true,
  },
  'PATCH /api/articles/{articleId}/annotations/{annotationId}': {
    summary: 'Change an annotation',
    body: ZUpdateAnnotation,
    ldJson: true,
  },
  'DELETE /api/articles/{articleId}/annotations/{annotationId}': { summary: 'Delete an annotation' },
  'GET /api/annotations/{annotationId}': { summary: 'One annotation (older IRI)', ldJson: true },
  'PUT /api/annotations/{annotationId}': {
    summary: 'Replace an annotation (older IRI)',
    body: ZCreateAnnotation,
    ldJson: true,
  },
  'PATCH /api/annotations/{annotationId}': {
    summary: 'Change an annotation (older IRI)',
    body: ZUpdateAnnotation,
    ldJson: true,
  },
  'DELETE /api/annotations/{annotationId}': { summary: 'Delete an annotation (older IRI)' },
  'GET /api/annotations/{annotationId}/comments': { summary: "An annotation's thread" },
  'POST /api/annotations/{annotationId}/comments': { summary: 'Reply in the thread', body: ZCreateComment },
  'POST /api/annotations/{annotationId}/links': { summary: 'Link two annotations', body: ZCreateLink },
  'GET /api/comments/{commentId}': { summary: 'A reply as JSON-LD', ldJson: true },
  'PATCH /api/comments/{commentId}': { summary: 'Edit a comment', body: ZUpdateComment },
  'DELETE /api/comments/{commentId}': { summary: 'Delete a comment' },
  'GET /api/links/{linkId}': { summary: 'A link as JSON-LD', ldJson: true },
  'DELETE /api/links/{linkId}': { summary: 'Remove a link' },
  'GET /users/{userId}': { summary: 'A person as JSON-LD', ldJson: true },
  'GET /ns/marginalia.jsonld': { summary: "Marginalia's JSON-LD context" },
  'GET /ns/annotation-constraints': { summary: 'The rules annotation containers enforce (HTML)' },
  'GET /api/openapi.json': { summary: 'This document' },
  'GET /api/tokens': { summary: 'Your API tokens' },
  'POST /api/tokens': { summary: 'Create an API token', body: ZCreateApiToken },
  'DELETE /api/tokens/{tokenId}': { summary: 'Revoke an API token' },
  'GET /api/inbox': { summary: 'Your mentions' },
  'PUT /api/account/digest': { summary: 'Turn the daily digest mail on or off', body: ZDailyDigest },
  'POST /api/inbox/read': { summary: 'Mark mentions read' },
  'POST /api/invitations/accept': { summary: 'Accept an invitation', body: ZAcceptInvitation },
  'GET /api/articles/{articleId}/events': { summary: "The article's live events (server-sent events)" },
  'GET /api/workspaces': { summary: 'Your workspaces' },
  'POST /api/workspaces': { summary: 'Create a workspace', body: ZCreateWorkspace },
  'POST /api/workspaces/{workspaceSlug}/articles': {
    summary: 'Import an article (201; a file over 1 MB: 202 and a background import to poll)',
    body: ZPastedArticle,
  },
  'GET /api/workspaces/{workspaceSlug}/imports/{importId}': {
    summary: "A background import's state, progress and article",
  },
  'GET /api/workspaces/{workspaceSlug}/annotations': {
    summary: 'Find annotations to link to',
    query: ZAnnotationSearch,
  },
  'POST /api/workspaces/{workspaceSlug}/annotations/import': { summary: 'Import a Web Annotation export' },
  'GET /api/workspaces/{workspaceSlug}/search': { summary: 'Full-text search', query: ZWorkspaceSearch },
  'GET /api/workspaces/{workspaceSlug}/export': { summary: 'Export the review', query: ZExportQuery },
  'GET /api/workspaces/{workspaceSlug}/history': { summary: 'The audit trail' },
  'GET /api/workspaces/{workspaceSlug}/members': { summary: 'Members and pending invitations' },
  'PATCH /api/workspaces/{workspaceSlug}/members/{membershipId}': {
    summary: "Change a member's role",
    body: ZChangeRole,
  },
  'DELETE /api/workspaces/{workspaceSlug}/members/{membershipId}': { summary: 'Remove a member' },
  'POST /api/workspaces/{workspaceSlug}/invitations': { summary: 'Invite someone', body: ZCreateInvitation },
  'DELETE /api/workspaces/{workspaceSlug}/invitations/{invitationId}': { summary: 'Revoke an invitation' },
  'POST /api/annotations/{annotationId}/confirm': {
    summary: 'Re-confirm an annotation on its current words',
    body: ZConfirmAnnotation,
  },
  'POST /api/annotations/{annotationId}/reanchor': {
    summary: 'Re-anchor an annotation on a selected passage',
    body: ZReanchorAnnotation,
  },
  'GET /api/annotations/{annotationId}/history': { summary: "An annotation's own audit trail" },
  'PUT /api/annotations/{annotationId}/privilege': {
    summary: 'Mark an annotation and its thread privileged, on a stated basis',
    body: ZMarkPrivileged,
  },
  'DELETE /api/annotations/{annotationId}/privilege': {
    summary: "Withdraw an annotation's privilege",
    body: ZUnmarkPrivileged,
  },
  'GET /api/articles/{articleId}/revisions': { summary: "An article's revisions" },
  'GET /api/articles/{articleId}/revisions/{revision}': {
    summary: 'One revision (by number or id) with the annotations as they stood',
  },
  'GET /api/articles/{articleId}/revisions/diff': { summary: 'Compare two revisions', query: ZRevisionDiffQuery },
  'PATCH /api/account': { summary: 'Change your name', body: ZChangeName },
  'POST /api/account/password': { summary: 'Change your password', body: ZChangePassword },
  'POST /api/account/verification': { summary: 'Send a new address-confirmation link' },
  'DELETE /api/account/sessions': { summary: 'Sign out everywhere', query: ZEndSessionsQuery },
  'POST /api/email-verification': { summary: 'Confirm your address with the mailed token', body: ZVerifyEmail },
  'POST /api/password-reset': { summary: 'Ask for a password-reset link', body: ZRequestPasswordReset },
  'POST /api/password-reset/confirm': { summary: 'Set a new password with the mailed token', body: ZResetPassword },
  'GET /api/health': { summary: 'Liveness: the process answers (public)' },
  'GET /api/ready': { summary: 'Readiness: database, migrations, LISTEN connection (public)' },
  'POST /api/bench/raw-insert': { summary: 'Benchmark floor (only when enabled for a benchmark run)' },
  'GET /api/bench/raw-select': { summary: 'Benchmark floor (only when enabled for a benchmark run)' },
};

const schemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, operation] of Object.entries(API_OPERATIONS)) {
    const [method, path] = key.split(' ') as [string, string];
    const parameters = [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (operation.query) {
      const query = schemaOf(operation.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {}))
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema } as never);
    }
    const mediaType = operation.ldJson ? ANNO_MEDIA_TYPE : 'application/json';
    (paths[path] ??= {})[method.toLowerCase()] = {
      summary: operation.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(operation.body
        ? { requestBody: { required: true, content: { [mediaType]: { schema: schemaOf(operation.body) } } } }
        : {}),
      responses: { default: { description: 'See docs/api.md; errors are { error: { code, message, fields } }.' } },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marginalia API',
      version: '1',
      description: 'Annotations follow the W3C Web Annotation Protocol; see docs/api.md.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        token: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
    },
    security: [{ token: [] }, { session: [] }],
    paths,
  };
}
