// Bad input at every JSON boundary: random and hostile bodies, broken JSON, wrong content
// types and oversized bodies. The API must answer each with a 4xx carrying a message (or a
// 2xx when the random body happens to be valid), never a 5xx.
import fc from 'fast-check';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signedUpRequest } from '../fixtures/api-session';
import { newUser } from '../fixtures/users';

type Target = { method: string; url: string; sample: Record<string, unknown> };

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

/** Values of the wrong type, boundary sizes, hostile strings and deep nesting. */
const nasty = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '<script>alert(1)</script>',
    '"; DROP TABLE "User"; --',
    '../../etc/passwd',
    'x'.repeat(70_000),
    '00000000-0000-0000-0000-000000000000',
    '9'.repeat(40),
    -1,
    1.5,
    Number.MAX_SAFE_INTEGER,
    true,
    null,
    [],
    {},
  ),
);

/** Bodies shaped like the real one with some fields replaced, dropped or added. */
function mutations(sample: Record<string, unknown>) {
  const keys = Object.keys(sample);
  return fc.oneof(
    nasty,
    fc.record(Object.fromEntries(keys.map((key) => [key, fc.oneof(fc.constant(sample[key]), nasty)]))),
    fc
      .tuple(fc.subarray(keys), fc.dictionary(fc.string({ maxLength: 12 }), nasty, { maxKeys: 3 }))
      .map(([kept, extra]) => ({ ...Object.fromEntries(kept.map((key) => [key, sample[key]])), ...extra })),
  );
}

async function setUp(request: APIRequestContext) {
  const workspace = (await (await request.post('/api/workspaces', { data: { name: 'Fuzz desk' } })).json()) as {
    slug: string;
  };
  const article = (await (
    await request.post(`/api/workspaces/${workspace.slug}/articles`, {
      data: { text: 'Fuzz article\n\nA paragraph with enough words to annotate many times over.' },
    })
  ).json()) as { id: string };
  const annotation = (await (
    await request.post(`/api/articles/${article.id}/annotations`, {
      data: {
        body: { purpose: 'tagging', value: 'finding' },
        target: { selector: { type: 'TextPositionSelector', start: 0, end: 11 } },
      },
    })
  ).json()) as { id: string };
  const annotationId = annotation.id.split('/').at(-1)!;
  const comment = (await (
    await request.post(`/api/annotations/${annotationId}/comments`, { data: { body: 'fuzz' } })
  ).json()) as { id: string };
  const revisionId = ((await (await request.get(`/api/articles/${article.id}`)).json()) as { revisionId: string })
    .revisionId;
  const targets: Target[] = [
    {
      method: 'POST',
      url: '/api/signup',
      sample: { name: 'N', email: 'n@example.test', password: 'long enough pass' },
    },
    { method: 'PUT', url: `/api/articles/${article.id}`, sample: { baseRevisionId: revisionId, text: 'New text' } },
    {
      method: 'PATCH',
      url: `/api/articles/${article.id}`,
      sample: { title: 'T', byline: 'B', publishedAt: '2020-01-02' },
    },
    {
      method: 'POST',
      url: `/api/articles/${article.id}/annotations`,
      sample: {
        body: { purpose: 'tagging', value: 'quote' },
        target: { selector: { type: 'TextPositionSelector', start: 2, end: 9 } },
      },
    },
    { method: 'PATCH', url: `/api/annotations/${annotationId}`, sample: { note: 'n', tag: 'quote', version: 1 } },
    {
      method: 'POST',
      url: `/api/annotations/${annotationId}/comments`,
      sample: { body: 'hello', parentId: comment.id },
    },
    { method: 'PATCH', url: `/api/comments/${comment.id}`, sample: { body: 'edited', version: 1 } },
    {
      method: 'POST',
      url: `/api/annotations/${annotationId}/links`,
      sample: { toAnnotationId: annotationId, type: 'supports' },
    },
    { method: 'POST', url: '/api/tokens', sample: { name: 'fuzz token' } },
    { method: 'POST', url: '/api/workspaces', sample: { name: 'Fuzz' } },
    {
      method: 'POST',
      url: `/api/workspaces/${workspace.slug}/articles`,
      sample: { text: 'Pasted', format: 'markdown' },
    },
    {
      method: 'POST',
      url: `/api/workspaces/${workspace.slug}/invitations`,
      sample: { email: 'a@b.test', role: 'viewer' },
    },
    { method: 'POST', url: '/api/invitations/accept', sample: { token: 'x'.repeat(43) } },
    { method: 'POST', url: '/api/inbox/read', sample: { ids: [] } },
    {
      method: 'POST',
      url: `/api/workspaces/${workspace.slug}/annotations/import`,
      sample: { type: 'AnnotationCollection', label: 'Fuzz', first: { type: 'AnnotationPage', items: [] } },
    },
  ];
  return { targets, slug: workspace.slug };
}

test('random, hostile and malformed bodies get a 4xx with a message, never a 5xx', async ({ playwright }) => {
  test.setTimeout(300_000);
  const baseURL = test.info().project.use.baseURL!;
  // A user of its own: the fuzzer creates tokens and workspaces, and per-user limits must not
  // spill over into other tests.
  const user = newUser('fuzz');
  const request = await signedUpRequest(playwright, baseURL, user);
  const { targets, slug } = await setUp(request);
  const problems: string[] = [];
  let sent = 0;
  const record = async (label: string, response: Awaited<ReturnType<APIRequestContext['fetch']>>) => {
    sent++;
    const status = response.status();
    if (status >= 500) problems.push(`${label}: ${status}`);
    if (status >= 400) {
      const json = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
      if (typeof json?.error?.message !== 'string' || !json.error.message)
        problems.push(`${label}: ${status} without a message`);
    }
  };
  try {
    for (const target of targets) {
      const label = `${target.method} ${target.url.replace(/[0-9a-f-]{36}/g, ':id')}`;
      await fc.assert(
        fc.asyncProperty(mutations(target.sample), async (body) => {
          await record(
            label,
            await request.fetch(target.url, {
              method: target.method,
              data: JSON.stringify(body),
              headers: { 'content-type': 'application/json' },
            }),
          );
        }),
        { numRuns: RUNS },
      );
      for (const [kind, data, contentType] of [
        ['broken JSON', '{"a": ', 'application/json'],
        ['not JSON', 'name=x', 'application/x-www-form-urlencoded'],
        ['text', 'hello', 'text/plain'],
        ['empty', '', 'application/json'],
        // Deep enough to overflow a recursive walk, small enough to pass the size limit.
        ['nested 30,000 deep', `${'['.repeat(30_000)}${']'.repeat(30_000)}`, 'application/json'],
      ] as const) {
        await record(
          `${label} ${kind}`,
          await request.fetch(target.url, { method: target.method, data, headers: { 'content-type': contentType } }),
        );
      }
      const oversized = await request.fetch(target.url, {
        method: target.method,
        data: JSON.stringify({ padding: 'x'.repeat(16 * 1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
      });
      sent++;
      if (![413, 400, 415].includes(oversized.status())) problems.push(`${label} oversized: ${oversized.status()}`);
    }
    for (const query of [
      'q=%00',
      `q=${'a'.repeat(500)}`,
      'kind=everything',
      'author=not-a-uuid',
      'tag=<b>',
      'q=!!!&&||',
    ]) {
      await record(`GET search ?${query}`, await request.get(`/api/workspaces/${slug}/search?${query}`));
      await record(`GET annotations ?${query}`, await request.get(`/api/workspaces/${slug}/annotations?${query}`));
    }
  } finally {
    await request.dispose();
  }
  console.log(
    `fuzz: ${sent} requests to ${targets.length} JSON routes and 2 query routes, ${problems.length} problems`,
  );
  expect(problems).toEqual([]);
});
