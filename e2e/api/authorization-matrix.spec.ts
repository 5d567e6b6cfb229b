// Every route handler and server action in app/, called as each kind of caller, with the
// exact status expected. A route missing from the matrix fails the test, so a new route
// cannot ship without deciding who may call it. Refused calls must write nothing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { appOriginHeaders, signedInRequest } from '../fixtures/api-session';
import { connectToE2eDatabase } from '../fixtures/database-snapshot';
import { DEMO } from '../fixtures/users';
import { E2E_PASSWORD, OUTSIDER, REVIEW_WORKSPACE, TEAM } from '../fixtures/workspaces';

const PERSONAS = ['anonymous', 'viewer', 'reviewer', 'editor', 'owner', 'outsider'] as const;
type Persona = (typeof PERSONAS)[number];
type Expected = Record<Persona, number>;

// One test after another in one worker: the matrix compares database snapshots around each
// refused call, so no other test of this file may write while it runs.
test.describe.configure({ mode: 'default' });

const root = path.resolve(import.meta.dirname, '../..');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** "GET /api/articles/[articleId]" for each exported method of each app/**\/route.ts. */
function discoverRoutes(): string[] {
  return walk(path.join(root, 'app'))
    .filter((file) => file.endsWith('/route.ts'))
    .flatMap((file) => {
      const route = '/' + path.relative(path.join(root, 'app'), path.dirname(file)).replace(/\([^)]+\)\//g, '');
      const source = readFileSync(file, 'utf8');
      const methods = new Set<string>();
      for (const match of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g))
        methods.add(match[1]!);
      for (const match of source.matchAll(/export \{([^}]+)\}/g)) {
        for (const entry of match[1]!.split(',')) {
          // `handler as GET` exports GET; a bare `POST` exports POST.
          const exported = entry
            .trim()
            .split(/\s+as\s+/)
            .at(-1)!;
          if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(exported)) methods.add(exported);
        }
      }
      return [...methods].map((method) => `${method} ${route}`);
    })
    .sort();
}

/** Files declaring server actions; each would need rows in the matrix too. */
function discoverServerActions(): string[] {
  return [...walk(path.join(root, 'app')), ...walk(path.join(root, 'components'))]
    .filter((file) => /\.(ts|tsx)$/.test(file) && /^\s*['"]use server['"]/m.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(root, file));
}

type Ids = {
  articleId: string;
  annotationId: string;
  viewerMembershipId: string;
  ownerMembershipId: string;
  freshInvitation: () => Promise<string>;
  freshComment: () => Promise<string>;
  freshAnnotation: () => Promise<string>;
  freshToken: () => Promise<string>;
  freshLink: () => Promise<string>;
  /** An owner's annotation marked privileged (version 2), its comment and a link to it. */
  freshPrivileged: () => Promise<{ annotationId: string; commentId: string; linkId: string }>;
  /** The owner's creator IRI path, `/users/{id}`. */
  ownerPath: () => Promise<string>;
  baseRevision: () => Promise<string>;
  /** A finished background import (a file over 1 MB) in the review workspace. */
  importId: string;
};
type Call = {
  method: string;
  url: (ids: Ids) => Promise<string> | string;
  data?: (ids: Ids) => Promise<unknown> | unknown;
  headers?: Record<string, string>;
  expected: Expected;
};

const everyone = (status: number): Expected => ({
  anonymous: status,
  viewer: status,
  reviewer: status,
  editor: status,
  owner: status,
  outsider: status,
});
const members = (statuses: Omit<Expected, 'anonymous' | 'outsider'>): Expected => ({
  anonymous: 401,
  outsider: 404,
  ...statuses,
});
const READ = members({ viewer: 200, reviewer: 200, editor: 200, owner: 200 });
const ownerToken = { email: DEMO.email, password: DEMO.password };

/** A whole annotation for PUT: the same passage, retagged. */
const MATRIX_REPLACEMENT = {
  body: { purpose: 'tagging', value: 'finding' },
  target: { selector: { type: 'TextPositionSelector', start: 4, end: 14 } },
};

const MATRIX: Record<string, Call> = {
  'POST /api/signup': {
    method: 'POST',
    url: () => '/api/signup',
    data: () => ({
      name: 'Matrix',
      email: `matrix-${crypto.randomUUID().slice(0, 8)}@example.test`,
      password: 'long enough pass',
    }),
    // The same answer for new and known addresses (issue #11 item 8).
    expected: everyone(202),
  },
  'PATCH /api/account': {
    method: 'PATCH',
    url: () => '/api/account',
    // An empty name: every signed-in caller reaches validation, and no seeded name changes.
    data: () => ({ name: '' }),
    expected: { ...everyone(422), anonymous: 401 },
  },
  // Off, as every seeded account already is: the matrix changes no one's mail.
  'PUT /api/account/digest': {
    method: 'PUT',
    url: () => '/api/account/digest',
    data: () => ({ enabled: false }),
    expected: { ...everyone(200), anonymous: 401 },
  },
  'POST /api/account/password': {
    method: 'POST',
    url: () => '/api/account/password',
    data: () => ({ currentPassword: 'not the password', newPassword: 'long enough pass' }),
    expected: { ...everyone(422), anonymous: 401 },
  },
  // Ends the caller's other sessions only, so the matrix's own clients stay signed in.
  'DELETE /api/account/sessions': {
    method: 'DELETE',
    url: () => '/api/account/sessions?keep=current',
    expected: { ...everyone(200), anonymous: 401 },
  },
  // Seeded addresses are confirmed already.
  'POST /api/account/verification': {
    method: 'POST',
    url: () => '/api/account/verification',
    data: () => ({}),
    expected: { ...everyone(409), anonymous: 401 },
  },
  'POST /api/email-verification': {
    method: 'POST',
    url: () => '/api/email-verification',
    data: () => ({ token: 'x'.repeat(43) }),
    expected: everyone(404),
  },
  'POST /api/password-reset': {
    method: 'POST',
    url: () => '/api/password-reset',
    data: () => ({ email: `matrix-${crypto.randomUUID().slice(0, 8)}@example.test` }),
    expected: everyone(202),
  },
  'POST /api/password-reset/confirm': {
    method: 'POST',
    url: () => '/api/password-reset/confirm',
    data: () => ({ token: 'x'.repeat(43), password: 'long enough pass' }),
    expected: everyone(404),
  },
  'GET /api/auth/[...nextauth]': { method: 'GET', url: () => '/api/auth/providers', expected: everyone(200) },
  // next-auth's own POST endpoints refuse a request without its CSRF token (redirect to the error page).
  'POST /api/auth/[...nextauth]': {
    method: 'POST',
    url: () => '/api/auth/signout',
    data: () => ({}),
    expected: everyone(302),
  },
  'GET /api/articles/[articleId]': { method: 'GET', url: (ids) => `/api/articles/${ids.articleId}`, expected: READ },
  'PUT /api/articles/[articleId]': {
    method: 'PUT',
    url: (ids) => `/api/articles/${ids.articleId}`,
    data: async (ids) => ({ baseRevisionId: await ids.baseRevision(), text: `Matrix revision ${crypto.randomUUID()}` }),
    expected: members({ viewer: 403, reviewer: 403, editor: 201, owner: 201 }),
  },
  'PATCH /api/articles/[articleId]': {
    method: 'PATCH',
    url: (ids) => `/api/articles/${ids.articleId}`,
    data: () => ({ title: `Matrix title ${crypto.randomUUID().slice(0, 6)}` }),
    expected: members({ viewer: 403, reviewer: 403, editor: 200, owner: 200 }),
  },
  'GET /api/articles/[articleId]/annotations': {
    method: 'GET',
    url: (ids) => `/api/articles/${ids.articleId}/annotations`,
    expected: READ,
  },
  'POST /api/articles/[articleId]/annotations': {
    method: 'POST',
    url: (ids) => `/api/articles/${ids.articleId}/annotations`,
    data: () => ({
      body: { purpose: 'tagging', value: 'finding' },
      target: { selector: { type: 'TextPositionSelector', start: 0, end: 7 } },
    }),
    expected: members({ viewer: 403, reviewer: 201, editor: 201, owner: 201 }),
  },
  'GET /api/annotations/[annotationId]': {
    method: 'GET',
    url: (ids) => `/api/annotations/${ids.annotationId}`,
    expected: READ,
  },
  'PATCH /api/annotations/[annotationId]': {
    method: 'PATCH',
    url: (ids) => `/api/annotations/${ids.annotationId}`,
    data: () => ({ note: `Matrix note ${crypto.randomUUID().slice(0, 6)}` }),
    expected: members({ viewer: 403, reviewer: 403, editor: 200, owner: 200 }),
  },
  'DELETE /api/annotations/[annotationId]': {
    method: 'DELETE',
    url: async (ids) => `/api/annotations/${await ids.freshAnnotation()}`,
    expected: members({ viewer: 403, reviewer: 403, editor: 204, owner: 204 }),
  },
  // Evidence (issue #12). A fresh annotation is still exact: confirming it is a 409 once the
  // caller may; the re-anchor passage check (422 here) runs after the permission check.
  'POST /api/annotations/[annotationId]/confirm': {
    method: 'POST',
    url: async (ids) => `/api/annotations/${await ids.freshAnnotation()}/confirm`,
    data: () => ({ version: 1 }),
    expected: members({ viewer: 403, reviewer: 403, editor: 409, owner: 409 }),
  },
  'POST /api/annotations/[annotationId]/reanchor': {
    method: 'POST',
    url: async (ids) => `/api/annotations/${await ids.freshAnnotation()}/reanchor`,
    data: async (ids) => ({ version: 1, revisionId: await ids.baseRevision(), start: 4, end: 14, exact: 'not there' }),
    expected: members({ viewer: 403, reviewer: 403, editor: 422, owner: 422 }),
  },
  'GET /api/annotations/[annotationId]/history': {
    method: 'GET',
    url: (ids) => `/api/annotations/${ids.annotationId}/history`,
    expected: READ,
  },
  // Privileged notes: the author (here the owner), editors and owners mark; a marked one is
  // "not found" for viewers and other reviewers, so withdrawing is a 404 for them.
  'PUT /api/annotations/[annotationId]/privilege': {
    method: 'PUT',
    url: async (ids) => `/api/annotations/${await ids.freshAnnotation()}/privilege`,
    data: () => ({ basis: 'attorney-client', version: 1 }),
    expected: members({ viewer: 403, reviewer: 403, editor: 200, owner: 200 }),
  },
  'DELETE /api/annotations/[annotationId]/privilege': {
    method: 'DELETE',
    url: async (ids) => `/api/annotations/${(await ids.freshPrivileged()).annotationId}/privilege`,
    data: () => ({ version: 2 }),
    expected: members({ viewer: 404, reviewer: 404, editor: 200, owner: 200 }),
  },
  'GET /api/articles/[articleId]/revisions': {
    method: 'GET',
    url: (ids) => `/api/articles/${ids.articleId}/revisions`,
    expected: READ,
  },
  'GET /api/articles/[articleId]/revisions/[revision]': {
    method: 'GET',
    url: (ids) => `/api/articles/${ids.articleId}/revisions/1`,
    expected: READ,
  },
  'GET /api/articles/[articleId]/revisions/diff': {
    method: 'GET',
    url: (ids) => `/api/articles/${ids.articleId}/revisions/diff?from=1&to=1`,
    expected: READ,
  },
  'PUT /api/annotations/[annotationId]': {
    method: 'PUT',
    url: (ids) => `/api/annotations/${ids.annotationId}`,
    data: () => MATRIX_REPLACEMENT,
    headers: { 'if-match': '*' },
    expected: members({ viewer: 403, reviewer: 403, editor: 200, owner: 200 }),
  },
  'GET /api/articles/[articleId]/annotations/[annotationId]': {
    method: 'GET',
    url: (ids) => `/api/articles/${ids.articleId}/annotations/${ids.annotationId}`,
    expected: READ,
  },
  'PUT /api/articles/[articleId]/annotations/[annotationId]': {
    method: 'PUT',
    url: (ids) => `/api/articles/${ids.articleId}/annotations/${ids.annotationId}`,
    data: () => MATRIX_REPLACEMENT,
    headers: { 'if-match': '*' },
    expected: members({ viewer: 403, reviewer: 403, editor: 200, owner: 200 }),
  },
  'PATCH /api/articles/[articleId]/annotations/[annotationId]': {
    method: 'PATCH',
    url: (ids) => `/api/articles/${ids.articleId}/annotations/${ids.annotationId}`,
    data: () => ({ note: `Matrix note ${crypto.randomUUID().slice(0, 6)}` }),
    expected: members({ viewer: 403, reviewer: 403, editor: 200, owner: 200 }),
  },
  'DELETE /api/articles/[articleId]/annotations/[annotationId]': {
    method: 'DELETE',
    url: async (ids) => `/api/articles/${ids.articleId}/annotations/${await ids.freshAnnotation()}`,
    expected: members({ viewer: 403, reviewer: 403, editor: 204, owner: 204 }),
  },
  'GET /api/comments/[commentId]': {
    method: 'GET',
    url: async (ids) => `/api/comments/${await ids.freshComment()}`,
    expected: READ,
  },
  'GET /api/links/[linkId]': {
    method: 'GET',
    url: async (ids) => `/api/links/${await ids.freshLink()}`,
    expected: READ,
  },
  // People are visible to those who share a workspace with them; the outsider shares none.
  'GET /users/[userId]': { method: 'GET', url: (ids) => ids.ownerPath(), expected: READ },
  'GET /api/openapi.json': { method: 'GET', url: () => '/api/openapi.json', expected: everyone(200) },
  'GET /ns/marginalia.jsonld': { method: 'GET', url: () => '/ns/marginalia.jsonld', expected: everyone(200) },
  'GET /ns/annotation-constraints': {
    method: 'GET',
    url: () => '/ns/annotation-constraints',
    expected: everyone(200),
  },
  'GET /api/tokens': { method: 'GET', url: () => '/api/tokens', expected: { ...everyone(200), anonymous: 401 } },
  'POST /api/tokens': {
    method: 'POST',
    url: () => '/api/tokens',
    data: () => ({ name: 'Matrix' }),
    expected: { ...everyone(201), anonymous: 401 },
  },
  'DELETE /api/tokens/[tokenId]': {
    method: 'DELETE',
    url: async (ids) => `/api/tokens/${await ids.freshToken()}`,
    // Tokens belong to a person, not a workspace: anyone else's is "not found".
    expected: { anonymous: 401, viewer: 404, reviewer: 404, editor: 404, owner: 204, outsider: 404 },
  },
  'GET /api/workspaces/[workspaceSlug]/history': {
    method: 'GET',
    url: (ids) => `/api/workspaces/${REVIEW_WORKSPACE.slug}/history?format=csv&articleId=${ids.articleId}`,
    expected: READ,
  },
  'GET /api/workspaces/[workspaceSlug]/members': {
    method: 'GET',
    url: () => `/api/workspaces/${REVIEW_WORKSPACE.slug}/members`,
    expected: READ,
  },
  'PATCH /api/workspaces/[workspaceSlug]/members/[membershipId]': {
    method: 'PATCH',
    url: (ids) => `/api/workspaces/${REVIEW_WORKSPACE.slug}/members/${ids.viewerMembershipId}`,
    data: () => ({ role: 'viewer' }),
    expected: members({ viewer: 403, reviewer: 403, editor: 403, owner: 200 }),
  },
  'DELETE /api/workspaces/[workspaceSlug]/members/[membershipId]': {
    method: 'DELETE',
    // Removing the viewer (who may leave by themselves) is checked last, so it stays a member.
    url: (ids) => `/api/workspaces/${REVIEW_WORKSPACE.slug}/members/${ids.ownerMembershipId}`,
    expected: members({ viewer: 403, reviewer: 403, editor: 403, owner: 409 }),
  },
  'POST /api/workspaces/[workspaceSlug]/invitations': {
    method: 'POST',
    url: () => `/api/workspaces/${REVIEW_WORKSPACE.slug}/invitations`,
    data: () => ({ email: `matrix-${crypto.randomUUID().slice(0, 8)}@example.test`, role: 'viewer' }),
    expected: members({ viewer: 403, reviewer: 403, editor: 403, owner: 201 }),
  },
  'DELETE /api/workspaces/[workspaceSlug]/invitations/[invitationId]': {
    method: 'DELETE',
    url: async (ids) => `/api/workspaces/${REVIEW_WORKSPACE.slug}/invitations/${await ids.freshInvitation()}`,
    expected: members({ viewer: 403, reviewer: 403, editor: 403, owner: 204 }),
  },
  'POST /api/invitations/accept': {
    method: 'POST',
    url: () => '/api/invitations/accept',
    data: () => ({ token: 'x'.repeat(43) }),
    expected: { ...everyone(404), anonymous: 401 },
  },
  'GET /api/annotations/[annotationId]/comments': {
    method: 'GET',
    url: (ids) => `/api/annotations/${ids.annotationId}/comments`,
    expected: READ,
  },
  'POST /api/annotations/[annotationId]/comments': {
    method: 'POST',
    url: (ids) => `/api/annotations/${ids.annotationId}/comments`,
    data: () => ({ body: 'Matrix comment' }),
    expected: members({ viewer: 403, reviewer: 201, editor: 201, owner: 201 }),
  },
  'PATCH /api/comments/[commentId]': {
    method: 'PATCH',
    url: async (ids) => `/api/comments/${await ids.freshComment()}`,
    data: () => ({ body: 'Edited in the matrix', version: 1 }),
    // Only a comment's author may edit it; here the owner wrote it.
    expected: members({ viewer: 403, reviewer: 403, editor: 403, owner: 200 }),
  },
  'DELETE /api/comments/[commentId]': {
    method: 'DELETE',
    url: async (ids) => `/api/comments/${await ids.freshComment()}`,
    expected: members({ viewer: 403, reviewer: 403, editor: 403, owner: 204 }),
  },
  'GET /api/inbox': { method: 'GET', url: () => '/api/inbox', expected: { ...everyone(200), anonymous: 401 } },
  'POST /api/inbox/read': {
    method: 'POST',
    url: () => '/api/inbox/read',
    data: () => ({}),
    expected: { ...everyone(200), anonymous: 401 },
  },
  'GET /api/articles/[articleId]/events': {
    method: 'GET',
    url: (ids) => `/api/articles/${ids.articleId}/events?once=1&after=0`,
    expected: READ,
  },
  'GET /api/workspaces': {
    method: 'GET',
    url: () => '/api/workspaces',
    expected: { ...everyone(200), anonymous: 401 },
  },
  'POST /api/workspaces': {
    method: 'POST',
    url: () => '/api/workspaces',
    data: () => ({ name: 'Matrix workspace' }),
    expected: { ...everyone(201), anonymous: 401 },
  },
  'POST /api/workspaces/[workspaceSlug]/articles': {
    method: 'POST',
    url: () => `/api/workspaces/${REVIEW_WORKSPACE.slug}/articles`,
    data: () => ({ text: `Matrix import\n\nA pasted paragraph ${crypto.randomUUID()}.` }),
    expected: members({ viewer: 403, reviewer: 403, editor: 201, owner: 201 }),
  },
  // Any member may follow a background import; to others it does not exist.
  'GET /api/workspaces/[workspaceSlug]/imports/[importId]': {
    method: 'GET',
    url: (ids) => `/api/workspaces/${REVIEW_WORKSPACE.slug}/imports/${ids.importId}`,
    expected: READ,
  },
  'GET /api/workspaces/[workspaceSlug]/annotations': {
    method: 'GET',
    url: () => `/api/workspaces/${REVIEW_WORKSPACE.slug}/annotations?q=the`,
    expected: READ,
  },
  'GET /api/workspaces/[workspaceSlug]/search': {
    method: 'GET',
    url: () => `/api/workspaces/${REVIEW_WORKSPACE.slug}/search?q=inspector+general`,
    expected: READ,
  },
  'GET /api/workspaces/[workspaceSlug]/export': {
    method: 'GET',
    url: (ids) => `/api/workspaces/${REVIEW_WORKSPACE.slug}/export?format=csv&article=${ids.articleId}`,
    expected: READ,
  },
  'POST /api/workspaces/[workspaceSlug]/annotations/import': {
    method: 'POST',
    url: () => `/api/workspaces/${REVIEW_WORKSPACE.slug}/annotations/import`,
    data: () => ({
      '@context': ['http://www.w3.org/ns/anno.jsonld'],
      id: 'https://example.test/matrix-export',
      type: 'AnnotationCollection',
      label: 'Matrix export',
      total: 0,
      sources: [
        {
          id: 'https://example.test/matrix-article',
          type: 'Text',
          title: 'Matrix import',
          doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Imported text.' }] }] },
        },
      ],
    }),
    expected: members({ viewer: 403, reviewer: 403, editor: 201, owner: 201 }),
  },
  'POST /api/annotations/[annotationId]/links': {
    method: 'POST',
    url: (ids) => `/api/annotations/${ids.annotationId}/links`,
    data: async (ids) => ({ toAnnotationId: await ids.freshAnnotation(), type: 'supports' }),
    expected: members({ viewer: 403, reviewer: 201, editor: 201, owner: 201 }),
  },
  'DELETE /api/links/[linkId]': {
    method: 'DELETE',
    url: async (ids) => `/api/links/${await ids.freshLink()}`,
    // The owner made the link: reviewers may remove only their own.
    expected: members({ viewer: 403, reviewer: 403, editor: 204, owner: 204 }),
  },
  // Health checks for load balancers: public, and the same for everyone.
  'GET /api/health': { method: 'GET', url: () => '/api/health', expected: everyone(200) },
  'GET /api/ready': { method: 'GET', url: () => '/api/ready', expected: everyone(200) },
  'POST /api/bench/raw-insert': {
    method: 'POST',
    url: () => '/api/bench/raw-insert',
    data: () => ({}),
    expected: everyone(404),
  },
  'GET /api/bench/raw-select': { method: 'GET', url: () => '/api/bench/raw-select', expected: everyone(404) },
};

test('every route handler and server action is in the authorization matrix', () => {
  expect(discoverRoutes()).toEqual(Object.keys(MATRIX).sort());
  expect(discoverServerActions()).toEqual([]);
});

test('each route answers each kind of caller with exactly the expected status, and refusals write nothing', async ({
  playwright,
}) => {
  test.setTimeout(120_000);
  const baseURL = test.info().project.use.baseURL!;
  const clients: Record<Persona, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL, extraHTTPHeaders: appOriginHeaders(baseURL) }),
    viewer: await signedInRequest(playwright, baseURL, { email: TEAM.viewer.email, password: E2E_PASSWORD }),
    reviewer: await signedInRequest(playwright, baseURL, { email: TEAM.reviewerA.email, password: E2E_PASSWORD }),
    editor: await signedInRequest(playwright, baseURL, { email: TEAM.editor.email, password: E2E_PASSWORD }),
    owner: await signedInRequest(playwright, baseURL, ownerToken),
    outsider: await signedInRequest(playwright, baseURL, { email: OUTSIDER.email, password: E2E_PASSWORD }),
  };
  const owner = clients.owner;

  // Objects of the review workspace, owned by its owner. The matrix uses the article that
  // the annotation e2e does not touch.
  const articleId = await findArticleId(owner, 'laying blame');
  const createAnnotation = async () => {
    const response = await owner.post(`/api/articles/${articleId}/annotations`, {
      data: {
        body: { purpose: 'tagging', value: 'quote' },
        target: { selector: { type: 'TextPositionSelector', start: 4, end: 14 } },
      },
    });
    expect(response.status()).toBe(201);
    return new URL((await response.json()).id).pathname.split('/').at(-1)!;
  };
  const { members: memberships } = (await (
    await owner.get(`/api/workspaces/${REVIEW_WORKSPACE.slug}/members`)
  ).json()) as {
    members: { membershipId: string; email: string }[];
  };
  const annotationId = await createAnnotation();
  let tokenToRevoke: string | undefined;
  const importId = await finishedBackgroundImport(owner);
  const ids: Ids = {
    importId,
    articleId,
    annotationId,
    freshAnnotation: createAnnotation,
    ownerPath: async () =>
      new URL((await (await owner.get(`/api/annotations/${annotationId}`)).json()).creator.id).pathname,
    freshLink: async () => {
      const response = await owner.post(`/api/annotations/${annotationId}/links`, {
        data: { toAnnotationId: await createAnnotation(), type: 'contradicts' },
      });
      expect(response.status()).toBe(201);
      return (await response.json()).link.id;
    },
    // One token serves every caller: only the owner's DELETE removes it, and after that the
    // outsider's call is "not found" either way. Token creation is rate-limited per user.
    freshToken: async () =>
      (tokenToRevoke ??= (await (await owner.post('/api/tokens', { data: { name: 'to revoke' } })).json()).id),
    viewerMembershipId: memberships.find((m) => m.email === TEAM.viewer.email)!.membershipId,
    ownerMembershipId: memberships.find((m) => m.email === DEMO.email)!.membershipId,
    freshComment: async () =>
      (
        await (
          await owner.post(`/api/annotations/${annotationId}/comments`, { data: { body: 'Owner comment' } })
        ).json()
      ).id,
    freshInvitation: async () =>
      (
        await (
          await owner.post(`/api/workspaces/${REVIEW_WORKSPACE.slug}/invitations`, {
            data: { email: 'revoke-me@example.test', role: 'viewer' },
          })
        ).json()
      ).id,
    baseRevision: async () => (await (await owner.get(`/api/articles/${articleId}`)).json()).revisionId,
    freshPrivileged: async () => {
      const privileged = await createAnnotation();
      const comment = await owner.post(`/api/annotations/${privileged}/comments`, { data: { body: 'Counsel says' } });
      const link = await owner.post(`/api/annotations/${annotationId}/links`, {
        data: { toAnnotationId: privileged, type: 'supports' },
      });
      const marked = await owner.put(`/api/annotations/${privileged}/privilege`, {
        data: { basis: 'attorney-client', version: 1 },
      });
      expect([comment.status(), link.status(), marked.status()]).toEqual([201, 201, 200]);
      return { annotationId: privileged, commentId: (await comment.json()).id, linkId: (await link.json()).link.id };
    },
  };

  const database = await connectToE2eDatabase();
  const failures: string[] = [];
  try {
    for (const [route, call] of Object.entries(MATRIX)) {
      for (const persona of PERSONAS) {
        const url = await call.url(ids);
        const data = call.data ? await call.data(ids) : undefined;
        const before = await database.snapshot();
        const response = await clients[persona].fetch(url, {
          method: call.method,
          data,
          headers: call.headers,
          maxRedirects: 0,
        });
        const expected = call.expected[persona];
        if (response.status() !== expected)
          failures.push(`${route} as ${persona}: ${response.status()}, expected ${expected}`);
        if (expected >= 300 && (await database.snapshot()) !== before)
          failures.push(`${route} as ${persona}: refused but wrote to the database`);
      }
    }
  } finally {
    await database.close();
    await Promise.all(Object.values(clients).map((client) => client.dispose()));
  }
  expect(failures).toEqual([]);
});

async function findArticleId(owner: APIRequestContext, titlePart: string): Promise<string> {
  const html = await (await owner.get(`/w/${REVIEW_WORKSPACE.slug}`)).text();
  const match = [...html.matchAll(/href="\/w\/[^/]+\/articles\/([0-9a-f-]{36})"[^>]*>([\s\S]*?)<\/a>/g)].find((m) =>
    m[2]!.includes(titlePart),
  );
  expect(match, `an article whose title contains "${titlePart}"`).toBeTruthy();
  return match![1]!;
}

/**
 * Uploads an unreadable .docx over 1 MB (a background import that fails, so it adds no article)
 * and waits for its job to finish, so the job writes nothing while the matrix compares snapshots.
 */
async function finishedBackgroundImport(owner: APIRequestContext): Promise<string> {
  const response = await owner.post(`/api/workspaces/${REVIEW_WORKSPACE.slug}/articles`, {
    multipart: {
      file: { name: 'matrix.docx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1_100_000, 'x') },
    },
  });
  expect(response.status()).toBe(202);
  const { id, statusUrl } = (await response.json()) as { id: string; statusUrl: string };
  await expect
    .poll(async () => ((await (await owner.get(statusUrl)).json()) as { state: string }).state, { timeout: 30_000 })
    .toBe('failed');
  return id;
}

test('privileged objects answer editors, owners and their author, and nobody else', async ({ playwright }) => {
  test.setTimeout(60_000);
  const baseURL = test.info().project.use.baseURL!;
  const sign = (email: string) => signedInRequest(playwright, baseURL, { email, password: E2E_PASSWORD });
  const clients: Record<Persona, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL, extraHTTPHeaders: appOriginHeaders(baseURL) }),
    viewer: await sign(TEAM.viewer.email),
    reviewer: await sign(TEAM.reviewerB.email),
    editor: await sign(TEAM.editor.email),
    owner: await signedInRequest(playwright, baseURL, ownerToken),
    outsider: await sign(OUTSIDER.email),
  };
  const author = await sign(TEAM.reviewerA.email);
  try {
    // An article of its own: the matrix above renames the seed articles it uses.
    const imported = await clients.owner.post(`/api/workspaces/${REVIEW_WORKSPACE.slug}/articles`, {
      data: { title: 'Privileged matrix', text: 'A passage that counsel asked us to keep in confidence.' },
    });
    expect(imported.status()).toBe(201);
    const articleId = ((await imported.json()) as { id: string }).id;
    // Reviewer A's annotation, with a comment and a link from another annotation, then marked.
    const created = await author.post(`/api/articles/${articleId}/annotations`, {
      data: {
        body: { purpose: 'tagging', value: 'finding' },
        target: { selector: { type: 'TextPositionSelector', start: 4, end: 14 } },
      },
    });
    expect(created.status()).toBe(201);
    const annotationId = new URL((await created.json()).id).pathname.split('/').at(-1)!;
    const comment = await author.post(`/api/annotations/${annotationId}/comments`, { data: { body: 'In confidence' } });
    const other = await author.post(`/api/articles/${articleId}/annotations`, {
      data: {
        body: { purpose: 'tagging', value: 'quote' },
        target: { selector: { type: 'TextPositionSelector', start: 4, end: 14 } },
      },
    });
    const otherId = new URL((await other.json()).id).pathname.split('/').at(-1)!;
    const link = await author.post(`/api/annotations/${otherId}/links`, {
      data: { toAnnotationId: annotationId, type: 'supports' },
    });
    const marked = await author.put(`/api/annotations/${annotationId}/privilege`, {
      data: { basis: 'attorney-client', version: 1 },
    });
    expect([comment.status(), link.status(), marked.status()]).toEqual([201, 201, 200]);
    const commentId = (await comment.json()).id as string;
    const linkId = (await link.json()).link.id as string;

    const hidden = members({ viewer: 404, reviewer: 404, editor: 200, owner: 200 });
    const calls: [string, string, Expected, unknown?][] = [
      ['GET', `/api/annotations/${annotationId}`, hidden],
      ['GET', `/api/articles/${articleId}/annotations/${annotationId}`, hidden],
      ['GET', `/api/annotations/${annotationId}/comments`, hidden],
      ['GET', `/api/annotations/${annotationId}/history`, hidden],
      ['GET', `/api/comments/${commentId}`, hidden],
      ['GET', `/api/links/${linkId}`, hidden],
      ['POST', `/api/annotations/${annotationId}/comments`, { ...hidden, editor: 201, owner: 201 }, { body: 'Seen' }],
      ['PATCH', `/api/annotations/${annotationId}`, hidden, { note: 'Reviewed in confidence' }],
    ];
    const failures: string[] = [];
    for (const [method, url, expected, data] of calls) {
      for (const persona of PERSONAS) {
        const response = await clients[persona].fetch(url, { method, data, maxRedirects: 0 });
        if (response.status() !== expected[persona])
          failures.push(`${method} ${url} as ${persona}: ${response.status()}, expected ${expected[persona]}`);
      }
      if (method === 'GET') {
        const own = await author.get(url);
        if (own.status() !== 200) failures.push(`${method} ${url} as its author: ${own.status()}`);
      }
    }
    expect(failures).toEqual([]);
  } finally {
    await Promise.all([...Object.values(clients), author].map((client) => client.dispose()));
  }
});
