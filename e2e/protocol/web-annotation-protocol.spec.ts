// Walks the W3C Web Annotation Protocol's MUSTs and SHOULDs (and our own rules on top:
// paging, Prefer, If-Match, CORS for tokens) against the running server, prints a pass table,
// and fails on any MUST. SHOULDs that fail are explained in docs/api.md.
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { hypothesisAnnotation, wptAnnotation } from '../../lib/domain/web-annotation/testing/other-tools';
import { kindOf, w3cMustFailures } from '../../lib/domain/web-annotation/testing/w3c-model-tests';
import { appOriginHeaders, signedUpRequest } from '../fixtures/api-session';
import { newUser, signIn } from '../fixtures/users';

type Level = 'MUST' | 'SHOULD';
type Check = { level: Level; area: string; rule: string; pass: boolean };

const ANNO_PROFILE = 'http://www.w3.org/ns/anno.jsonld';
const TOOL_ORIGIN = 'https://tool.example';
const TEXT = [
  'Protocol check',
  'The report found that the policy was the driving force behind the separations.',
  'A second paragraph, so that there is more than one passage to annotate here.',
].join('\n\n');

test('the annotation container conforms to the Web Annotation Protocol', async ({ playwright, page, baseURL }) => {
  test.setTimeout(120_000);
  const checks: Check[] = [];
  const check = (level: Level, area: string, rule: string, pass: boolean) => checks.push({ level, area, rule, pass });
  const w3cFailures: string[] = [];
  const modelCheck = (value: unknown) => {
    const failures = w3cMustFailures(kindOf(value as { type?: unknown }), value);
    w3cFailures.push(...failures.map((failure) => `${(value as { id?: string }).id}: ${failure.assertion}`));
  };

  // A user with an article and a personal access token.
  const user = newUser('protocol');
  const session = await signedUpRequest(playwright, baseURL!, user);
  const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: appOriginHeaders(baseURL) });
  const slug = ((await (await session.get('/api/workspaces')).json()) as { workspaces: { slug: string }[] })
    .workspaces[0]!.slug;
  const imported = await session.post(`/api/workspaces/${slug}/articles`, { data: { text: TEXT, title: 'Protocol' } });
  expect(imported.status()).toBe(201);
  const articleId = ((await imported.json()) as { id: string }).id;
  const token = ((await (await session.post('/api/tokens', { data: { name: 'tool' } })).json()) as { token: string })
    .token;
  // The tool: another origin, authenticated by the token alone.
  const tool: APIRequestContext = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}`, origin: TOOL_ORIGIN },
  });
  const articleIri = `${new URL(baseURL!).origin}/api/articles/${articleId}`;
  const containerPath = `/api/articles/${articleId}/annotations/`;
  const header = (response: APIResponse, name: string) => response.headers()[name] ?? '';
  const isAnnoJson = (response: APIResponse) =>
    /^application\/ld\+json/.test(header(response, 'content-type')) &&
    header(response, 'content-type').includes(ANNO_PROFILE);

  // Discovery.
  const article = await tool.get(`/api/articles/${articleId}`);
  check(
    'SHOULD',
    'discovery',
    'GET article sends Link rel=oa#annotationService to the container',
    header(article, 'link').includes(`${containerPath}>; rel="http://www.w3.org/ns/oa#annotationService"`),
  );

  // Create: the wpt annotation (our article, a tag), the Hypothesis annotation, one more for paging.
  const exact = 'the driving force';
  const wpt = { ...wptAnnotation(articleIri, exact), id: 'https://elsewhere.example/anno/1' };
  const created = await tool.post(containerPath, { data: wpt, headers: { 'content-type': 'application/ld+json' } });
  const createdBody = await created.json();
  check('MUST', 'create', 'POST to the container answers 201 Created', created.status() === 201);
  check(
    'MUST',
    'create',
    'the new annotation has an id assigned by the server',
    typeof createdBody.id === 'string' && createdBody.id !== wpt.id,
  );
  check(
    'MUST',
    'create',
    'its id starts with the container IRI',
    String(createdBody.id).startsWith(`${new URL(baseURL!).origin}${containerPath}`),
  );
  check('MUST', 'create', 'canonical is preserved', createdBody.canonical === wpt.canonical);
  check('MUST', 'create', 'the answer is the profiled JSON-LD type', isAnnoJson(created));
  check('SHOULD', 'create', 'Location matches the id', header(created, 'location') === createdBody.id);
  // Offsets count in the article's text as served (the importer may have taken the first line as the title).
  const text = ((await article.json()) as { text: string }).text;
  const start = text.indexOf(exact);
  const hypothesis = await tool.post(containerPath, {
    data: hypothesisAnnotation(articleIri, { exact, prefix: 'policy was ', suffix: ' behind', start }),
  });
  const hypothesisBody = await hypothesis.json();
  check('MUST', 'others', 'a Hypothesis annotation (3 selectors, array target) is stored', hypothesis.status() === 201);
  check(
    'MUST',
    'others',
    'it is served back with its RangeSelector',
    JSON.stringify(hypothesisBody.target?.selector ?? []).includes('RangeSelector'),
  );
  const untagged = await tool.post(containerPath, { data: { ...wpt, body: { type: 'TextualBody', value: 'Nice' } } });
  check(
    'MUST',
    'others',
    'an annotation without a review tag is refused with 422 naming the rule',
    untagged.status() === 422 && JSON.stringify(await untagged.json()).includes('one-review-tag'),
  );
  for (const word of ['report', 'policy', 'second paragraph']) {
    const extra = await tool.post(containerPath, { data: wptAnnotation(articleIri, word) });
    expect(extra.status()).toBe(201);
  }

  // Container.
  const container = await tool.get(containerPath);
  const containerBody = await container.json();
  modelCheck(containerBody);
  check('MUST', 'container', 'the container IRI ends in "/"', String(containerBody.id).endsWith('/'));
  check('MUST', 'container', 'GET answers 200', container.status() === 200);
  for (const method of ['GET', 'HEAD', 'OPTIONS'])
    check('MUST', 'container', `Allow lists ${method}`, header(container, 'allow').includes(method));
  check('MUST', 'container', 'Content-Type is application/ld+json (profiled)', isAnnoJson(container));
  check(
    'MUST',
    'container',
    'type includes BasicContainer and AnnotationCollection',
    ['BasicContainer', 'AnnotationCollection'].every((type) => containerBody.type?.includes(type)),
  );
  check(
    'MUST',
    'container',
    'Link rel=type ldp#BasicContainer',
    header(container, 'link').includes('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"'),
  );
  const constrainedBy = /<([^>]+)>; rel="http:\/\/www\.w3\.org\/ns\/ldp#constrainedBy"/.exec(
    header(container, 'link'),
  )?.[1];
  check(
    'MUST',
    'container',
    'Link rel=ldp#constrainedBy to a served page',
    !!constrainedBy && (await tool.get(constrainedBy)).status() === 200,
  );
  check('MUST', 'container', 'ETag', header(container, 'etag').length > 2);
  check('MUST', 'container', 'Vary includes Accept', /Accept/.test(header(container, 'vary')));
  check(
    'MUST',
    'container',
    'Content-Location equals the id',
    header(container, 'content-location') === containerBody.id,
  );
  check(
    'MUST',
    'container',
    'Accept-Post names the JSON-LD type',
    header(container, 'accept-post').includes('application/ld+json'),
  );
  check('MUST', 'container', 'HEAD answers 200', (await tool.head(containerPath)).status() === 200);
  check(
    'MUST',
    'container',
    'OPTIONS answers 200',
    (await tool.fetch(containerPath, { method: 'OPTIONS' })).status() === 200,
  );
  check(
    'MUST',
    'container',
    'an unserved type (text/turtle) gets 406',
    (await tool.get(containerPath, { headers: { accept: 'text/turtle' } })).status() === 406,
  );
  check(
    'MUST',
    'container',
    'the form without "/" keeps working',
    (await tool.get(containerPath.slice(0, -1))).status() === 200,
  );
  check(
    'SHOULD',
    'container',
    'total, first and last are given',
    containerBody.total === 5 && !!containerBody.first && !!containerBody.last,
  );
  check(
    'SHOULD',
    'container',
    'contained descriptions by default, each with @context',
    containerBody.first?.items?.every((item: { '@context'?: unknown }) => item['@context']),
  );
  check(
    'SHOULD',
    'container',
    'If-None-Match with the ETag gets 304',
    (await tool.get(containerPath, { headers: { 'if-none-match': header(container, 'etag') } })).status() === 304,
  );

  // Prefer.
  const prefer = (include: string) =>
    tool.get(containerPath, { headers: { prefer: `return=representation;include="${include}"` } });
  const minimal = await prefer('http://www.w3.org/ns/ldp#PreferMinimalContainer');
  const minimalBody = await minimal.json();
  check(
    'MUST',
    'prefer',
    'PreferMinimalContainer: no embedded annotations',
    typeof minimalBody.first === 'string' && !('items' in minimalBody),
  );
  check('SHOULD', 'prefer', 'Vary includes Prefer', /Prefer/.test(header(minimal, 'vary')));
  check('SHOULD', 'prefer', 'no Prefer header in the answer', !('prefer' in minimal.headers()));
  check(
    'SHOULD',
    'prefer',
    'Preference-Applied says so',
    header(minimal, 'preference-applied') === 'return=representation',
  );
  const iris = await (await prefer('http://www.w3.org/ns/oa#PreferContainedIRIs')).json();
  modelCheck(iris);
  check(
    'MUST',
    'prefer',
    'PreferContainedIRIs: items are IRIs',
    iris.first?.items?.every((item: unknown) => typeof item === 'string'),
  );
  const descriptions = await (await prefer('http://www.w3.org/ns/oa#PreferContainedDescriptions')).json();
  check(
    'MUST',
    'prefer',
    'PreferContainedDescriptions: items are annotations',
    descriptions.first?.items?.every((item: { type?: string }) => item.type === 'Annotation'),
  );

  // Paging, with a page size the client asks for, stable under inserts.
  const small = await (await tool.get(`${containerPath}?limit=2`)).json();
  const first = await tool.get(small.first.id ?? small.first);
  const firstBody = await first.json();
  modelCheck(firstBody);
  check('MUST', 'paging', 'pages link to their container with partOf', firstBody.partOf?.id === containerBody.id);
  check('MUST', 'paging', 'pages give startIndex', firstBody.startIndex === 0);
  check('MUST', 'paging', 'a page that is not the last has next', typeof firstBody.next === 'string');
  check('MUST', 'paging', 'the client chooses the page size (limit=2 gives 2 items)', firstBody.items?.length === 2);
  check(
    'MUST',
    'paging',
    'the size is bounded (limit=100000 is capped)',
    (await tool.get(`${containerPath}?limit=100000`)).status() === 200,
  );
  const last = await (await tool.get(small.last)).json();
  check('MUST', 'paging', 'a page that is not the first has prev', typeof last.prev === 'string');
  // An annotation added before the cursor neither shifts nor repeats the next page's items.
  expect((await tool.post(containerPath, { data: wptAnnotation(articleIri, 'The report found') })).status()).toBe(201);
  const walked: string[] = [...firstBody.items.map((item: { id: string }) => item.id)];
  for (let next = firstBody.next; next;) {
    const pageBody = await (await tool.get(next)).json();
    walked.push(...pageBody.items.map((item: { id: string }) => item.id));
    next = pageBody.next;
  }
  check(
    'MUST',
    'paging',
    'walking next after a concurrent insert repeats nothing and misses nothing',
    new Set(walked).size === walked.length && walked.length === 5,
  );
  check(
    'MUST',
    'paging',
    'an unknown page token is 422, not 500',
    (await tool.get(`${containerPath}?page=after.x`)).status() === 422,
  );

  // One annotation.
  const annotationUrl = createdBody.id as string;
  const annotation = await tool.get(annotationUrl);
  modelCheck(await annotation.json());
  modelCheck(hypothesisBody);
  check(
    'MUST',
    'annotation',
    'GET answers 200 with the profiled JSON-LD type',
    annotation.status() === 200 && isAnnoJson(annotation),
  );
  for (const method of ['GET', 'HEAD', 'OPTIONS'])
    check('MUST', 'annotation', `Allow lists ${method}`, header(annotation, 'allow').includes(method));
  check(
    'MUST',
    'annotation',
    'Link rel=type ldp#Resource',
    header(annotation, 'link').includes('<http://www.w3.org/ns/ldp#Resource>; rel="type"'),
  );
  check('MUST', 'annotation', 'ETag', header(annotation, 'etag').length > 2);
  check('MUST', 'annotation', 'Vary includes Accept', /Accept/.test(header(annotation, 'vary')));
  check('MUST', 'annotation', 'HEAD answers 200', (await tool.head(annotationUrl)).status() === 200);
  check(
    'MUST',
    'annotation',
    'OPTIONS answers 200',
    (await tool.fetch(annotationUrl, { method: 'OPTIONS' })).status() === 200,
  );
  check(
    'MUST',
    'annotation',
    'its older IRI /api/annotations/{id} still answers',
    (await tool.get(`/api/annotations/${annotationUrl.split('/').at(-1)}`)).status() === 200,
  );
  check(
    'SHOULD',
    'annotation',
    'no Accept header gets the profiled JSON-LD type',
    isAnnoJson(await tool.get(annotationUrl, { headers: { accept: '' } })),
  );
  const creator = (await annotation.json()).creator?.id as string;
  check('MUST', 'iris', 'the creator IRI answers GET with JSON-LD', (await tool.get(creator)).status() === 200);

  // Update.
  const etag = header(annotation, 'etag');
  const replacement = {
    ...(await annotation.json()),
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'rebuttal' }],
  };
  check(
    'MUST',
    'update',
    'PUT without If-Match is 428',
    (await tool.put(annotationUrl, { data: replacement })).status() === 428,
  );
  check(
    'MUST',
    'update',
    'PUT with a stale If-Match is 412',
    (await tool.put(annotationUrl, { data: replacement, headers: { 'if-match': '"0.0"' } })).status() === 412,
  );
  const put = await tool.put(annotationUrl, { data: replacement, headers: { 'if-match': etag } });
  const putBody = await put.json();
  check(
    'MUST',
    'update',
    'PUT with the current ETag replaces the annotation (200)',
    put.status() === 200 && putBody.body?.[0]?.value === 'rebuttal',
  );
  check('MUST', 'update', 'the ETag changes', header(put, 'etag') !== etag && header(put, 'etag').length > 2);
  check(
    'MUST',
    'update',
    'PATCH with a stale If-Match is 412',
    (await tool.patch(annotationUrl, { data: { note: 'x' }, headers: { 'if-match': etag } })).status() === 412,
  );
  check(
    'MUST',
    'update',
    'PATCH with the body version still works',
    (await tool.patch(annotationUrl, { data: { note: 'y', version: putBody.version } })).status() === 200,
  );

  // Delete.
  check(
    'MUST',
    'delete',
    'DELETE with a stale If-Match is 412',
    (await tool.delete(annotationUrl, { headers: { 'if-match': etag } })).status() === 412,
  );
  check('MUST', 'delete', 'DELETE answers 204', (await tool.delete(annotationUrl)).status() === 204);
  check(
    'SHOULD',
    'delete',
    'the deleted annotation is then 404 (or 410)',
    [404, 410].includes((await tool.get(annotationUrl)).status()),
  );

  // CORS: token requests from other origins; never cookies.
  const preflight = await anonymous.fetch(containerPath, {
    method: 'OPTIONS',
    headers: {
      origin: TOOL_ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });
  check(
    'MUST',
    'cors',
    'a pre-flight from another origin is granted with Authorization allowed',
    [200, 204].includes(preflight.status()) &&
      !!header(preflight, 'access-control-allow-origin') &&
      /Authorization/i.test(header(preflight, 'access-control-allow-headers')),
  );
  check(
    'MUST',
    'cors',
    'the pre-flight never allows credentials',
    !('access-control-allow-credentials' in preflight.headers()),
  );
  check(
    'MUST',
    'cors',
    'token answers carry Access-Control-Allow-Origin and expose ETag',
    !!header(container, 'access-control-allow-origin') &&
      /ETag/.test(header(container, 'access-control-expose-headers')),
  );
  const cookieGet = await session.get(containerPath, { headers: { origin: TOOL_ORIGIN } });
  check(
    'MUST',
    'cors',
    'cookie answers carry no Access-Control-Allow-Origin',
    !('access-control-allow-origin' in cookieGet.headers()),
  );
  const cookiePost = await session.post(containerPath, {
    data: wptAnnotation(articleIri, 'report'),
    headers: { origin: TOOL_ORIGIN },
  });
  check('MUST', 'cors', 'a cookie write from another origin is refused (403 CSRF)', cookiePost.status() === 403);
  // #11 item 15: a made-up Bearer header no longer exempts a cookie request from the CSRF check.
  const forged = await session.post('/api/tokens', {
    data: { name: 'forged' },
    headers: { origin: 'https://evil.example', authorization: 'Bearer mrg_made-up' },
  });
  check(
    'MUST',
    'cors',
    'a cookie request with a bogus Bearer token from another site cannot create a token',
    forged.status() === 403,
  );
  const tokens = (await (await session.get('/api/tokens')).json()) as { tokens: { name: string }[] };
  expect(tokens.tokens.map((entry) => entry.name)).not.toContain('forged');

  // The table, then the verdict.
  console.log(
    [
      'Web Annotation Protocol conformance',
      ...checks.map((c) => `${c.pass ? 'PASS' : 'FAIL'}  ${c.level.padEnd(6)} ${c.area.padEnd(10)} ${c.rule}`),
    ].join('\n'),
  );
  const musts = checks.filter((c) => c.level === 'MUST');
  console.log(
    `MUST ${musts.filter((c) => c.pass).length}/${musts.length}, SHOULD ${checks.filter((c) => c.level === 'SHOULD' && c.pass).length}/${checks.length - musts.length}; W3C model MUST failures over served objects: ${w3cFailures.length}`,
  );
  expect(musts.filter((c) => !c.pass).map((c) => `${c.area}: ${c.rule}`)).toEqual([]);
  expect(w3cFailures).toEqual([]);
  // The Hypothesis annotation shows in the article.
  await signIn(page, user);
  await page.goto(`/w/${slug}/articles/${articleId}`);
  await expect(page.getByRole('list', { name: 'Annotations in document order' })).toContainText(
    'This contradicts the *report*.',
  );

  await Promise.all([tool.dispose(), session.dispose(), anonymous.dispose()]);
});
