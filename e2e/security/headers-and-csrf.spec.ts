// The browser-facing defences, against the production build:
// (a) every page sends a nonce-based Content-Security-Policy (no 'unsafe-inline' scripts) and
//     the security headers, every <script> carries the nonce, and the page still hydrates with
//     zero CSP violations, while an injected script is refused;
// (b) CSRF: a state-changing cookie request from another site, with `Origin: null` or with no
//     Origin is refused with 403 and writes nothing; the same call from the app, or with a Bearer
//     token, works;
// (c) proxy.ts is never the only check: forging `x-middleware-subrequest` (CVE-2025-29927) gives
//     an anonymous caller nothing.
// Each test prints its figures.
import { expect, test, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { parseContentSecurityPolicy } from '../../lib/security/content-security-policy';
import { signedInRequest } from '../fixtures/api-session';
import { connectToE2eDatabase } from '../fixtures/database-snapshot';
import { selectArticleText } from '../fixtures/select-text';
import { DEMO, newUser, SEED_TITLES, signIn, WRONG_CREDENTIALS } from '../fixtures/users';

const baseURL = () => test.info().project.use.baseURL!;
const appOrigin = () => new URL(baseURL()).origin;

/** The demo article the reader pages open, found the way a reader finds it. */
async function demoArticlePath(page: Page): Promise<string> {
  await page.goto('/w/demo');
  const href = await page.getByRole('link', { name: /Driving Force/ }).getAttribute('href');
  expect(href).toMatch(/^\/w\/demo\/articles\/[0-9a-f-]{36}$/);
  return href!;
}

/** Records CSP violations in the page (from before its first script) and in the console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = found;
    document.addEventListener('securitypolicyviolation', (event) =>
      found.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`),
    );
  });
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|evaluate)/i.test(message.text()))
      fromConsole.push(message.text());
  });
  return async () => {
    const inPage = await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
    const all = [...inPage, ...fromConsole];
    fromConsole.length = 0;
    return all;
  };
}

type PageReport = { path: string; nonce: string; scripts: number };

/** Loads a page and checks its headers, its scripts' nonces, hydration and violations. */
async function checkPage(page: Page, path: string, violations: () => Promise<string[]>): Promise<PageReport> {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  const headers = response!.headers();
  const policy = headers['content-security-policy'];
  expect(policy, `${path}: Content-Security-Policy`).toBeTruthy();
  const directives = parseContentSecurityPolicy(policy!);
  const scriptSrc = directives.get('script-src') ?? [];
  const nonce = scriptSrc.map((source) => /^'nonce-([^']+)'$/.exec(source)?.[1]).find(Boolean);
  expect(nonce, `${path}: script-src has a nonce`).toBeTruthy();
  expect(scriptSrc, `${path}: script-src`).not.toContain("'unsafe-inline'");
  expect(scriptSrc, `${path}: script-src`).not.toContain("'unsafe-eval'");
  expect(directives.get('default-src'), path).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors'), path).toEqual(["'none'"]);
  expect(directives.get('object-src'), path).toEqual(["'none'"]);
  expect(directives.has('upgrade-insecure-requests'), `${path}: served over http`).toBe(false);
  expect(headers['x-content-type-options'], path).toBe('nosniff');
  expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options'], path).toBe('DENY');
  expect(headers['cross-origin-opener-policy'], path).toBe('same-origin');
  expect(headers['permissions-policy'], path).toContain('camera=()');

  const html = await response!.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((match) => match[0]);
  expect(scripts.length, `${path}: scripts in the HTML`).toBeGreaterThan(0);
  expect(
    scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`)),
    `${path}: scripts without this request's nonce`,
  ).toEqual([]);

  // React attaches its fibers to the DOM when it hydrates: proof that the scripts ran.
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith('__reactFiber$'))), {
      message: `${path} hydrates`,
    })
    .toBe(true);
  expect(await violations(), `${path}: CSP violations`).toEqual([]);
  return { path: new URL(page.url()).pathname, nonce: nonce!, scripts: scripts.length };
}

test.describe('Content-Security-Policy and security headers', () => {
  test('every page sends a nonce CSP, nonces all its scripts and hydrates with zero violations', async ({ page }) => {
    test.setTimeout(90_000);
    const violations = await watchViolations(page);
    const reports: PageReport[] = [];

    for (const path of ['/signin', '/signup']) reports.push(await checkPage(page, path, violations));
    // A client-side interaction on the sign-in form: it answers without a page load.
    await page.goto('/signin');
    await page.getByLabel('Email').fill(`nobody-${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: WRONG_CREDENTIALS })).toBeVisible();

    await signIn(page, DEMO);
    const articlePath = await demoArticlePath(page);
    for (const path of [
      '/w/demo',
      articlePath,
      '/inbox',
      '/settings/tokens',
      '/w/demo/members',
      '/w/demo/history',
      '/w/demo/search',
      '/workspaces/new',
    ])
      reports.push(await checkPage(page, path, violations));

    // The article editor works: selecting text opens the tagging toolbar.
    await page.goto(articlePath);
    await expect(page.getByTestId('article-editor')).toBeVisible();
    await selectArticleText(page, 'deeply concerned');
    await expect(page.getByRole('toolbar')).toBeVisible();
    await page.keyboard.press('Escape');

    // The not-found page is rendered per request too, so it has a nonce as well.
    const missing = await page.goto('/w/demo/articles/00000000-0000-7000-8000-000000000000');
    const missingPolicy = parseContentSecurityPolicy(missing!.headers()['content-security-policy'] ?? '');
    const missingNonce = missingPolicy.get('script-src')?.find((source) => source.startsWith("'nonce-"));
    expect(missingNonce).toBeTruthy();
    const missingHtml = await missing!.text();
    const missingScripts = [...missingHtml.matchAll(/<script\b[^>]*>/gi)].map((match) => match[0]);
    expect(missingScripts.filter((tag) => !tag.includes(`nonce="${missingNonce!.slice(7, -1)}"`))).toEqual([]);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    expect(await violations()).toEqual([]);

    const nonces = new Set(reports.map((report) => report.nonce));
    expect(nonces.size, 'a fresh nonce per response').toBe(reports.length);
    const scripts = reports.reduce((sum, report) => sum + report.scripts, 0);
    console.log(
      `CSP: ${reports.length}/${reports.length} pages with a nonce CSP and no 'unsafe-inline' script-src, ` +
        `${scripts}/${scripts} <script> tags nonced, ${nonces.size} distinct nonces, 0 CSP violations, all hydrated`,
    );
  });

  test('markup injected into a page, as a stored XSS would be, cannot run script', async ({ page }) => {
    const violations = await watchViolations(page);
    // The real answer, real CSP header included, with attacker markup in the HTML the parser sees.
    await page.route('**/signin', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /<body([^>]*)>/,
        `<body$1><script>window.__inlineRan = true</script>` +
          `<script nonce="bm90LXRoZS1ub25jZS0xMjM0">window.__guessedNonceRan = true</script>` +
          `<script src="https://evil.example/steal.js"></script>` +
          `<img src="data:," onerror="window.__handlerRan = true">`,
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto('/signin');
    // The app's own nonced scripts still run.
    await expect
      .poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith('__reactFiber$'))))
      .toBe(true);
    const ran = await page.evaluate(() => {
      const marks = window as unknown as Record<string, unknown>;
      return {
        inline: marks.__inlineRan === true,
        guessedNonce: marks.__guessedNonceRan === true,
        handler: marks.__handlerRan === true,
      };
    });
    expect(ran).toEqual({ inline: false, guessedNonce: false, handler: false });
    const found = await violations();
    expect(found.filter((violation) => violation.startsWith('script-src-elem blocked inline'))).toHaveLength(2);
    expect(found.some((violation) => violation.startsWith('script-src-elem blocked https://evil.example'))).toBe(true);
    expect(found.some((violation) => violation.startsWith('script-src-attr'))).toBe(true);
    console.log(
      `CSP: 4/4 injected payloads refused (inline script, wrong nonce, foreign script, event handler); ` +
        `${found.length} violation reports (events and console); the page still hydrated`,
    );
  });

  test('API answers carry the security headers too', async ({ request }) => {
    for (const path of ['/api/auth/providers', '/api/workspaces']) {
      const headers = (await request.get(path)).headers();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(parseContentSecurityPolicy(headers['content-security-policy'] ?? '').get('frame-ancestors'), path).toEqual(
        ["'none'"],
      );
    }
  });
});

/** Signs in through next-auth like signedInRequest, but the client sends no Origin of its own. */
async function cookieClientWithoutOrigin(
  playwright: PlaywrightWorkerArgs['playwright'],
  credentials: { email: string; password: string },
): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL: baseURL() });
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await context.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: credentials.email, password: credentials.password, json: 'true' },
    maxRedirects: 0,
  });
  const session = (await (await context.get('/api/auth/session')).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(credentials.email);
  return context;
}

type Fingerprint = Record<string, unknown>;

test.describe('CSRF', () => {
  test('cross-site cookie writes are refused and write nothing; same-origin and Bearer writes work', async ({
    playwright,
  }) => {
    test.setTimeout(90_000);
    const same = { origin: appOrigin() };
    const anonymous = await playwright.request.newContext({ baseURL: baseURL() });

    // A fresh account, so everything counted below belongs to this test alone.
    const owner = newUser('csrf');
    const signUp = await anonymous.post('/api/signup', { data: owner, headers: same });
    expect(signUp.status()).toBe(202);
    const cookie = await cookieClientWithoutOrigin(playwright, owner);
    const { workspaces } = (await (await cookie.get('/api/workspaces')).json()) as { workspaces: { slug: string }[] };
    const slug = workspaces[0]!.slug;

    const article = await cookie.post(`/api/workspaces/${slug}/articles`, {
      headers: same,
      data: { title: 'CSRF target', text: 'The inspector general was deeply concerned about the policy.' },
    });
    expect(article.status()).toBe(201);
    const articleId = ((await article.json()) as { id: string }).id;
    const annotationBody = {
      body: { purpose: 'tagging', value: 'finding' },
      target: { selector: { type: 'TextPositionSelector', start: 4, end: 21 } },
    };
    const annotation = await cookie.post(`/api/articles/${articleId}/annotations`, {
      headers: same,
      data: annotationBody,
    });
    expect(annotation.status()).toBe(201);
    const annotationId = new URL(((await annotation.json()) as { id: string }).id).pathname.split('/').at(-1)!;
    const comment = await cookie.post(`/api/annotations/${annotationId}/comments`, {
      headers: same,
      data: { body: 'A comment to delete' },
    });
    expect(comment.status()).toBe(201);
    const commentId = ((await comment.json()) as { id: string }).id;

    const victim = newUser('csrf-victim');
    const calls = [
      {
        route: 'POST /api/articles/[id]/annotations',
        client: cookie,
        method: 'POST',
        url: `/api/articles/${articleId}/annotations`,
        data: annotationBody,
        expected: 201,
      },
      {
        route: 'PATCH /api/articles/[id]',
        client: cookie,
        method: 'PATCH',
        url: `/api/articles/${articleId}`,
        data: { title: 'Renamed' },
        expected: 200,
      },
      {
        route: 'POST /api/tokens',
        client: cookie,
        method: 'POST',
        url: '/api/tokens',
        data: { name: 'csrf check' },
        expected: 201,
      },
      {
        route: 'DELETE /api/comments/[id]',
        client: cookie,
        method: 'DELETE',
        url: `/api/comments/${commentId}`,
        data: undefined,
        expected: 204,
      },
      {
        route: 'POST /api/workspaces/[slug]/invitations',
        client: cookie,
        method: 'POST',
        url: `/api/workspaces/${slug}/invitations`,
        data: { email: 'csrf-invitee@example.test', role: 'viewer' },
        expected: 201,
      },
      // A forged sign-up would log the victim into the attacker's account ("login CSRF").
      { route: 'POST /api/signup', client: anonymous, method: 'POST', url: '/api/signup', data: victim, expected: 202 },
    ];
    const attacks: { label: string; headers: Record<string, string> }[] = [
      { label: 'Origin: https://evil.example', headers: { origin: 'https://evil.example' } },
      { label: 'Origin: null', headers: { origin: 'null' } },
      { label: 'no Origin', headers: {} },
    ];

    const database = await connectToE2eDatabase();
    const fingerprint = () =>
      database.row<Fingerprint>(
        `SELECT
           (SELECT count(*)::int FROM "Annotation" a JOIN "Workspace" w ON w.id = a."workspaceId" WHERE w.slug = $1) AS annotations,
           (SELECT count(*) || '/' || coalesce(max(c."updatedAt")::text, '') FROM "Comment" c
              JOIN "Annotation" a ON a.id = c."annotationId" JOIN "Workspace" w ON w.id = a."workspaceId" WHERE w.slug = $1) AS comments,
           (SELECT count(*) || '/' || coalesce(max(ar."updatedAt")::text, '') FROM "Article" ar
              JOIN "Workspace" w ON w.id = ar."workspaceId" WHERE w.slug = $1) AS articles,
           (SELECT count(*)::int FROM "Invitation" i JOIN "Workspace" w ON w.id = i."workspaceId" WHERE w.slug = $1) AS invitations,
           (SELECT count(*)::int FROM "ApiToken" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $2) AS tokens,
           (SELECT count(*)::int FROM "AuditEvent" e JOIN "User" u ON u.id = e."actorId" WHERE u.email = $2) AS "auditEvents",
           (SELECT count(*)::int FROM "User" WHERE email = $3) AS "victimAccounts"`,
        [slug, owner.email, victim.email],
      );

    const failures: string[] = [];
    let refused = 0;
    let attempted = 0;
    let allowed = 0;
    let token = '';
    try {
      for (const call of calls) {
        const before = await fingerprint();
        for (const attack of attacks) {
          attempted++;
          const response = await call.client.fetch(call.url, {
            method: call.method,
            data: call.data,
            headers: attack.headers,
            maxRedirects: 0,
          });
          const body = (await response.json().catch(() => null)) as {
            error?: { code?: string; message?: string };
          } | null;
          if (
            response.status() === 403 &&
            body?.error?.code === 'CSRF' &&
            body.error.message === 'Cross-site request refused.'
          )
            refused++;
          else failures.push(`${call.route} with ${attack.label}: ${response.status()} ${JSON.stringify(body)}`);
          const after = await fingerprint();
          if (JSON.stringify(after) !== JSON.stringify(before))
            failures.push(
              `${call.route} with ${attack.label} wrote: ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
            );
        }
        const response = await call.client.fetch(call.url, { method: call.method, data: call.data, headers: same });
        if (response.status() === call.expected) allowed++;
        else failures.push(`${call.route} from the app: ${response.status()}, expected ${call.expected}`);
        if (call.route === 'POST /api/tokens') token = ((await response.json()) as { token: string }).token;
        // The fingerprint does see the write, so an unchanged one above means nothing was written.
        if (JSON.stringify(await fingerprint()) === JSON.stringify(before))
          failures.push(`${call.route} from the app: the fingerprint did not change`);
      }
    } finally {
      await database.close();
    }
    expect(failures).toEqual([]);

    // A browser's Sec-Fetch-Site saying cross-site outweighs a matching Origin.
    const mixed = await cookie.post(`/api/articles/${articleId}/annotations`, {
      data: annotationBody,
      headers: { ...same, 'sec-fetch-site': 'cross-site' },
    });
    expect(mixed.status()).toBe(403);

    // Bearer-token calls carry no cookie a page could borrow: no Origin needed.
    expect(token).toMatch(/^mrg_/);
    const script = await playwright.request.newContext({ baseURL: baseURL() });
    const viaToken = await script.post(`/api/articles/${articleId}/annotations`, {
      data: annotationBody,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.status()).toBe(201);
    await Promise.all([anonymous.dispose(), cookie.dispose(), script.dispose()]);

    console.log(
      `CSRF: ${refused}/${attempted} cross-site requests refused (403, nothing written) over ${calls.length} routes; ` +
        `${allowed}/${calls.length} same-origin calls succeeded; Bearer call without Origin: ${viaToken.status()}`,
    );
  });
});

test.describe('x-middleware-subrequest bypass (CVE-2025-29927)', () => {
  test('an anonymous request with a forged subrequest header still gets 401 or the sign-in page, never data', async ({
    playwright,
  }) => {
    const demo = await signedInRequest(playwright, baseURL(), DEMO);
    const html = await (await demo.get('/w/demo')).text();
    const articleId = /href="\/w\/demo\/articles\/([0-9a-f-]{36})"/.exec(html)?.[1];
    expect(articleId).toBeTruthy();
    await demo.dispose();

    const forged = [
      'middleware:middleware:middleware:middleware:middleware',
      'proxy:proxy:proxy:proxy:proxy',
      'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
      'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy',
    ];
    const api: [string, string, unknown?][] = [
      ['GET', '/api/workspaces'],
      ['GET', `/api/articles/${articleId}`],
      ['GET', `/api/articles/${articleId}/annotations`],
      ['GET', '/api/workspaces/demo/members'],
      ['GET', '/api/workspaces/demo/history'],
      ['GET', '/api/inbox'],
      ['GET', '/api/tokens'],
      ['POST', '/api/workspaces', { name: 'Bypass' }],
      ['POST', `/api/articles/${articleId}/annotations`, { body: { purpose: 'tagging', value: 'finding' } }],
      ['PATCH', `/api/articles/${articleId}`, { title: 'Bypassed' }],
      ['POST', '/api/tokens', { name: 'bypass' }],
    ];
    const pages = ['/w/demo', `/w/demo/articles/${articleId}`, '/inbox', '/settings/tokens', '/w/demo/history'];

    const failures: string[] = [];
    let refused = 0;
    let total = 0;
    let proxyRan = 0;
    for (const header of forged) {
      const attacker = await playwright.request.newContext({
        baseURL: baseURL(),
        extraHTTPHeaders: { 'x-middleware-subrequest': header, origin: appOrigin() },
      });
      for (const [method, url, data] of api) {
        total++;
        const response = await attacker.fetch(url, { method, data, maxRedirects: 0 });
        const text = await response.text();
        if (response.headers()['content-security-policy']) proxyRan++;
        if (response.status() === 401 && JSON.parse(text).error?.code === 'UNAUTHENTICATED') refused++;
        else failures.push(`${method} ${url} with ${header}: ${response.status()} ${text.slice(0, 200)}`);
      }
      for (const path of pages) {
        total++;
        const response = await attacker.get(path, { maxRedirects: 0 });
        const text = await response.text();
        if (response.headers()['content-security-policy']) proxyRan++;
        const location = response.headers()['location'] ?? '';
        const leaked = SEED_TITLES.some((title) => text.includes(title.slice(0, 30))) || text.includes('Demo newsroom');
        if (response.status() >= 300 && response.status() < 400 && location.includes('/signin') && !leaked) refused++;
        else
          failures.push(
            `GET ${path} with ${header}: ${response.status()} → ${location}${leaked ? ' (leaked data)' : ''}`,
          );
      }
      await attacker.dispose();
    }
    expect(failures).toEqual([]);
    console.log(
      `x-middleware-subrequest: ${refused}/${total} forged anonymous requests refused ` +
        `(${forged.length} header values × ${api.length} API calls → 401, × ${pages.length} pages → sign-in); ` +
        `proxy.ts still ran on ${proxyRan}/${total}`,
    );
  });
});
