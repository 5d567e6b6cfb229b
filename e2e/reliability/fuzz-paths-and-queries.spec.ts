// Bad input in the address itself: every route handler and every page of app/ (found by walking
// the folder, so a new one is fuzzed without being listed here) gets hostile values in each
// dynamic path segment, and every GET route and page gets them in each query parameter the app
// reads. NUL bytes, invalid UTF-8, control and format characters, huge and odd values must get
// a 4xx (or a page / a redirect), never a 5xx. The figure is the count of 5xx answers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signedUpRequest } from '../fixtures/api-session';
import { reportFigure } from '../fixtures/figures';
import { newUser } from '../fixtures/users';

const root = path.resolve(import.meta.dirname, '../..');
/** Hostile values beyond NUL sent in query strings per page or route (they rotate over the names). */
const QUERY_VALUES = Number(process.env.FUZZ_QUERY_VALUES ?? 8);
const METHODS = /^(GET|POST|PUT|PATCH|DELETE)$/;

/** Already percent-encoded, as they appear in the address. */
const HOSTILE = [
  '%00',
  'a%00b',
  '%01',
  '%0d%0a',
  '%7f',
  '%C0%80',
  '%ED%A0%80',
  '%FF',
  '%E2%80%AE',
  '%E3%80%80',
  '%EF%BB%BF',
  '%2e%2e',
  '%20',
  '%25',
  '%22%27%3Cscript%3E',
  'x'.repeat(4_000),
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  '__proto__',
];

type Target = { kind: 'route' | 'page'; method: string; template: string; file: string };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const match of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g))
    methods.add(match[1]!);
  for (const match of source.matchAll(/export \{([^}]+)\}/g))
    for (const entry of match[1]!.split(',')) {
      const exported = entry
        .trim()
        .split(/\s+as\s+/)
        .at(-1)!;
      if (METHODS.test(exported)) methods.add(exported);
    }
  return [...methods];
}

function discoverTargets(): Target[] {
  return walk(path.join(root, 'app')).flatMap((file): Target[] => {
    const name = path.basename(file);
    if (name !== 'route.ts' && name !== 'page.tsx') return [];
    const template =
      '/' +
      path
        .relative(path.join(root, 'app'), path.dirname(file))
        .split(path.sep)
        .filter((segment) => !/^\(.*\)$/.test(segment))
        .join('/');
    if (name === 'page.tsx') return [{ kind: 'page', method: 'GET', template, file }];
    return exportedMethods(readFileSync(file, 'utf8')).map((method) => ({ kind: 'route', method, template, file }));
  });
}

/** Every query parameter the app reads (`searchParams.get('x')`, `(await searchParams).x`, destructuring). */
function discoverQueryNames(): string[] {
  const names = new Set<string>(['callbackUrl']);
  for (const file of walk(path.join(root, 'app'))) {
    if (!/\.tsx?$/.test(file)) continue;
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:searchParams|query|url\.searchParams)\.get\('([A-Za-z_]+)'\)/g))
      names.add(match[1]!);
    for (const match of source.matchAll(/\(await searchParams\)\.([A-Za-z_]+)/g)) names.add(match[1]!);
    for (const match of source.matchAll(/const \{([^}]+)\} = (?:await searchParams|query)\b/g))
      for (const entry of match[1]!.split(',')) names.add(entry.split(':')[0]!.trim());
  }
  names.delete('');
  return [...names];
}

const dynamicSegments = (template: string) => [...template.matchAll(/\[(?:\.\.\.)?([A-Za-z]+)\]/g)].map((m) => m[1]!);

function fill(template: string, values: Record<string, string>, hostile?: { name: string; value: string }) {
  return template.replace(/\[(?:\.\.\.)?([A-Za-z]+)\]/g, (_, name: string) =>
    hostile?.name === name ? hostile.value : (values[name] ?? 'x'),
  );
}

async function setUp(request: APIRequestContext, baseURL: string) {
  const json = async (response: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(response.status(), response.url()).toBeLessThan(300);
    return (await response.json()) as Record<string, unknown>;
  };
  const workspace = await json(await request.post('/api/workspaces', { data: { name: 'Path fuzz' } }));
  const slug = workspace.slug as string;
  const article = await json(
    await request.post(`/api/workspaces/${slug}/articles`, {
      data: { text: 'Path fuzz\n\nA paragraph with enough words to annotate more than once.' },
    }),
  );
  const annotate = async (start: number, end: number) =>
    String(
      (
        await json(
          await request.post(`/api/articles/${article.id as string}/annotations`, {
            data: {
              body: { purpose: 'tagging', value: 'finding' },
              target: { selector: { type: 'TextPositionSelector', start, end } },
            },
          }),
        )
      ).id,
    )
      .split('/')
      .at(-1)!;
  const annotationId = await annotate(0, 4);
  const otherAnnotationId = await annotate(11, 20);
  const comment = await json(await request.post(`/api/annotations/${annotationId}/comments`, { data: { body: 'x' } }));
  const link = await json(
    await request.post(`/api/annotations/${annotationId}/links`, {
      data: { toAnnotationId: otherAnnotationId, type: 'supports' },
    }),
  );
  const token = await json(await request.post('/api/tokens', { data: { name: 'path fuzz' } }));
  const invitation = await json(
    await request.post(`/api/workspaces/${slug}/invitations`, { data: { email: 'fuzz@example.test', role: 'viewer' } }),
  );
  const { members } = (await json(await request.get(`/api/workspaces/${slug}/members`))) as {
    members: { id: string }[];
  };
  const values: Record<string, string> = {
    workspace: slug,
    workspaceSlug: slug,
    articleId: article.id as string,
    annotationId,
    commentId: comment.id as string,
    linkId: String(link.id).split('/').at(-1)!,
    tokenId: token.id as string,
    invitationId: invitation.id as string,
    membershipId: members[0]!.id,
    token: String(invitation.url).replace(`${new URL(baseURL).origin}/invite/`, ''),
    nextauth: 'session',
  };
  return values;
}

test('hostile path segments and query values get a 4xx or a page, never a 5xx', async ({ playwright }) => {
  // About 1,500 requests; on a loaded two-core machine pages take up to a second each.
  test.setTimeout(1_200_000);
  const baseURL = test.info().project.use.baseURL!;
  const user = newUser('path-fuzz');
  const request = await signedUpRequest(playwright, baseURL, user);
  const values = await setUp(request, baseURL);
  const targets = discoverTargets();
  const queryNames = discoverQueryNames();
  const failures: string[] = [];
  let sent = 0;

  const send = async (target: Target, url: string) => {
    sent++;
    if (sent % 250 === 0) console.log(`path/query fuzz: ${sent} sent, ${failures.length} failures`);
    // The live stream stays open unless told to answer once.
    // (first, since a reader takes the first of repeated parameters).
    const [pathPart, query] = url.split('?') as [string, string | undefined];
    const address = target.template.endsWith('/events') ? `${pathPart}?once=1${query ? `&${query}` : ''}` : url;
    const label = `${target.method} ${url.slice(0, 160)}`;
    try {
      const response = await request.fetch(address, {
        method: target.method,
        maxRedirects: 0,
        timeout: 60_000,
        ...(target.method === 'GET' ? {} : { data: '{}', headers: { 'content-type': 'application/json' } }),
      });
      if (response.status() >= 500) failures.push(`${label}: ${response.status()}`);
      await response.dispose();
    } catch (error) {
      failures.push(`${label}: no answer (${(error as Error).message.split('\n')[0]})`);
    }
  };

  const jobs: (() => Promise<void>)[] = [];
  let offset = 0;
  for (const target of targets) {
    for (const name of dynamicSegments(target.template))
      for (const value of HOSTILE) jobs.push(() => send(target, fill(target.template, values, { name, value })));
    if (target.method !== 'GET') continue;
    const valid = fill(target.template, values);
    // Every name gets NUL; the other values go round the names, QUERY_VALUES per page or route.
    queryNames.forEach((name) => jobs.push(() => send(target, `${valid}?${name}=%00`)));
    for (let k = 0; k < QUERY_VALUES; k++) {
      const name = queryNames[(offset + k) % queryNames.length]!;
      jobs.push(() => send(target, `${valid}?${name}=${HOSTILE[1 + ((offset + k) % (HOSTILE.length - 1))]}`));
    }
    offset += QUERY_VALUES;
    jobs.push(() => send(target, `${valid}?%00=%00`));
  }
  try {
    // A few at a time: the server is the one under test, not the machine's patience.
    const queue = [...jobs];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) await job();
      }),
    );
  } finally {
    await request.dispose();
  }
  console.log(
    `path/query fuzz: ${sent} requests to ${targets.filter((t) => t.kind === 'route').length} route handlers and ` +
      `${targets.filter((t) => t.kind === 'page').length} pages, ${queryNames.length} query names`,
  );
  if (failures.length) {
    // One line per kind of failure (the same status for the same value), then a sample.
    const kinds = new Map<string, number>();
    for (const failure of failures) {
      const kind = failure.replace(/^(\S+) .*?([^/?=&]*)(: .*)$/, '$1 …$2$3');
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    console.log([...kinds].map(([kind, count]) => `${count} × ${kind.slice(0, 200)}`).join('\n'));
    console.log(failures.slice(0, 30).join('\n'));
  }
  reportFigure('path/query fuzz 5xx answers', `${failures.length} (of ${sent} requests)`);
  expect(failures).toEqual([]);
});
