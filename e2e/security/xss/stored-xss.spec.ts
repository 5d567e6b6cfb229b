// Stored XSS, in a real browser: the corpus of e2e/fixtures/xss-payloads.ts (every payload's
// code calls the canary `window.__xss`) is stored through every place user text enters —
// sign-up names, workspace names, article titles, bylines and source URLs, pasted and uploaded
// articles, revisions, annotation notes, comments and their edits, mentions, API token names,
// JSON-LD imports — mostly through the HTTP API, some through the UI. Then every page that
// shows them is opened with the canary installed before any page script. The figures:
// executions (window.__xss set) and dialogs must be 0; payloads that reached the DOM as live
// markup (an on* attribute, a javascript: URL, a frame, a script without the nonce) must be 0
// too; CSP violations are blocked attempts, reported as a figure. A positive control proves the
// canary counts, and that the corpus does execute where nothing sanitises it.
import MarkdownIt from 'markdown-it';
import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Frame,
  type Page,
} from '@playwright/test';
import { appOriginHeaders, signedInRequest } from '../../fixtures/api-session';
import { confirmAddress } from '../../fixtures/outbox';
import { selectArticleText } from '../../fixtures/select-text';
import { newUser, signUp } from '../../fixtures/users';
import { CANARY, XSS_PAYLOADS, payloadFamilies, type XssPayload } from '../../fixtures/xss-payloads';

/** Time for error and load events, animations and autofocus after a page has loaded. */
const SETTLE_MS = 400;

const baseURL = () => test.info().project.use.baseURL!;
const payloads = XSS_PAYLOADS.map((entry) => entry.payload);
const fitting = (max: number) => payloads.filter((payload) => payload.trim().length > 0 && payload.length <= max);
const isHttpUrl = (value: string) => /^https?:\/\//i.test(value) && URL.canParse(value);
const idOf = (iri: string) => iri.split('/').at(-1)!;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/** Runs `work` over `items`, `parallel` at a time, in order of the items. */
async function inParallel<T, R>(items: readonly T[], parallel: number, work: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, index);
      }
    }),
  );
  return results;
}

type Hit = { kind: 'execution' | 'dialog' | 'csp' | 'dom'; page: string; detail: string };

/** Runs in every frame before any of its scripts: the counter, and CSP violations, reported to the test. */
function installCanary() {
  const report = (kind: string, detail: string) => {
    try {
      (window as unknown as { __xssReport?: (kind: string, detail: string) => void }).__xssReport?.(kind, detail);
    } catch {
      // The binding is missing in this frame: the sweep after each page reads the counter instead.
    }
  };
  let count = 0;
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get: () => count,
    set: (value: number) => {
      count = value;
      report('execution', `window.__xss = ${value} (${String(new Error().stack).split('\n').slice(1, 3).join(' ')})`);
    },
  });
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      report(
        'csp',
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}: ${event.sample.slice(0, 80)}`,
      ),
    true,
  );
}

/** Markup that must never come out of user text: handlers, script URLs, frames, scripts without the nonce. */
function liveMarkup(): string[] {
  const found: string[] = [];
  const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background']);
  for (const element of Array.from(document.querySelectorAll('*'))) {
    const tag = element.localName;
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      // URL parsers drop ASCII whitespace and control characters anywhere in the scheme.
      const value = attribute.value.replace(/[\u0000-\u0020]+/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`<${tag} ${name}="${attribute.value.slice(0, 60)}">`);
      else if (name === 'srcdoc') found.push(`<${tag} srcdoc>`);
      else if (urlAttributes.has(name) && /^(javascript|vbscript|data:text\/html|data:image\/svg)/.test(value))
        found.push(`<${tag} ${name}="${attribute.value.slice(0, 60)}">`);
      else if (name === 'style' && /javascript:|expression\(|behavior:/.test(value))
        found.push(`<${tag} style="${attribute.value.slice(0, 60)}">`);
    }
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'template', 'noscript'].includes(tag))
      found.push(`<${tag}>`);
    if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh') found.push('<meta refresh>');
    if (tag === 'script') {
      const script = element as HTMLScriptElement;
      const sameOrigin = script.src && new URL(script.src).origin === location.origin;
      if (!script.nonce && !sameOrigin) found.push(`<script> without the nonce: ${script.text.slice(0, 60)}`);
    }
  }
  return found;
}

/** Counts what the canary reports, page by page. */
class Canary {
  readonly hits: Hit[] = [];
  readonly pages: string[] = [];
  current = 'setup';

  async install(context: BrowserContext) {
    await context.exposeBinding('__xssReport', (source, kind: Hit['kind'], detail: string) => {
      const frames: string[] = [];
      for (let frame: Frame | null = source.frame; frame; frame = frame.parentFrame())
        frames.push(`${frame.name() ? `[${frame.name()}] ` : ''}${frame.url().slice(0, 100)}`);
      this.hits.push({ kind, page: this.current, detail: `${frames.join(' in ')}: ${detail}` });
    });
    await context.addInitScript(installCanary);
    for (const page of context.pages()) this.watch(page);
    context.on('page', (page) => this.watch(page));
  }

  private watch(page: Page) {
    page.on('dialog', (dialog) => {
      this.hits.push({ kind: 'dialog', page: this.current, detail: `${dialog.type()}: ${dialog.message()}` });
      void dialog.dismiss().catch(() => undefined);
    });
  }

  count(kind: Hit['kind'], page?: string) {
    return this.hits.filter((hit) => hit.kind === kind && (page === undefined || hit.page === page)).length;
  }
}

/** Every frame's counter: catches an execution in a frame the binding did not reach. */
async function sweep(page: Page): Promise<number> {
  const counts = await Promise.all(
    page
      .frames()
      .map((frame) =>
        frame.evaluate(() => Number((window as unknown as { __xss?: number }).__xss) || 0).catch(() => 0),
      ),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Opens a page with the canary, lets it settle, interacts, and records what it found. */
async function visit(
  canary: Canary,
  page: Page,
  label: string,
  path: string,
  options: { ready?: (page: Page) => Promise<void>; interact?: (page: Page) => Promise<void> } = {},
) {
  canary.current = label;
  const response = await page.goto(path, { waitUntil: 'load' });
  expect(response?.status(), `${label}: ${path}`).toBeLessThan(400);
  await inspect(canary, page, label, options);
}

/** The part of a visit after navigation, also for pages reached by a click in the UI. */
async function inspect(
  canary: Canary,
  page: Page,
  label: string,
  options: { ready?: (page: Page) => Promise<void>; interact?: (page: Page) => Promise<void> } = {},
) {
  canary.current = label;
  await options.ready?.(page);
  await page.waitForTimeout(SETTLE_MS);
  await options.interact?.(page);
  await page.waitForTimeout(SETTLE_MS / 2);
  const reported = canary.count('execution', label);
  const counted = await sweep(page);
  if (counted > reported)
    canary.hits.push(
      ...Array.from({ length: counted - reported }, () => ({
        kind: 'execution' as const,
        page: label,
        detail: 'found by the sweep of window.__xss',
      })),
    );
  const markup = await page.evaluate(liveMarkup);
  canary.hits.push(...markup.map((detail) => ({ kind: 'dom' as const, page: label, detail })));
  canary.pages.push(label);
}

/** Where stored text ends up, counted per entry point. */
class Ledger {
  readonly stored = new Map<string, number>();
  add(entryPoint: string, count = 1) {
    this.stored.set(entryPoint, (this.stored.get(entryPoint) ?? 0) + count);
  }
}

async function call<T = Record<string, unknown>>(
  api: APIRequestContext,
  method: string,
  url: string,
  options: Parameters<APIRequestContext['fetch']>[1] = {},
  expected: number[] = [200, 201],
): Promise<T> {
  // A fresh connection each time: a kept-alive one the server has just timed out would reset.
  const response = await api.fetch(url, { method, ...options, headers: { connection: 'close', ...options.headers } });
  if (!expected.includes(response.status())) {
    throw new Error(`${method} ${url} answered ${response.status()}: ${(await response.text()).slice(0, 400)}`);
  }
  return (response.status() === 204 ? null : await response.json()) as T;
}

type Account = { id: string; name: string; email: string; slug: string; api: APIRequestContext };

/** The first payload of each family short enough for a name, in a fixed order of families. */
function namePayloads(count: number, max: number): string[] {
  const order = ['mention', 'event-handler', 'script', 'attribute-breakout', 'mutation-xss', 'svg', 'js-context'];
  const names: string[] = [];
  for (const family of order) {
    const found = XSS_PAYLOADS.find(
      (entry) => entry.family === family && entry.payload.trim().length <= max && !names.includes(entry.payload.trim()),
    );
    if (found) names.push(found.payload.trim());
  }
  return names.slice(0, count);
}

async function signUpAccount(playwright: Parameters<typeof signedInRequest>[0], name: string, label: string) {
  const anonymous = await playwright.request.newContext({
    baseURL: baseURL(),
    extraHTTPHeaders: appOriginHeaders(baseURL()),
  });
  const { email, password } = newUser(`xss-${label}`);
  // Sign-up answers the same for every address (202), so the account is read back once signed in.
  await call(anonymous, 'POST', '/api/signup', { data: { name, email, password } }, [202]);
  await anonymous.dispose();
  const api = await signedInRequest(playwright, baseURL(), { email, password });
  openApis.push(api);
  // Members join by invitation, which needs a confirmed address.
  await confirmAddress(api, email);
  const session = (await (await api.get('/api/auth/session')).json()) as { user: { id: string; name: string } };
  expect(session.user.name).toBe(name);
  const { workspaces } = (await (await api.get('/api/workspaces')).json()) as { workspaces: { slug: string }[] };
  const created = { user: session.user, workspace: workspaces[0]! };
  return { id: created.user.id, name, email, slug: created.workspace.slug, api } satisfies Account;
}

/** Browser and API contexts a test opened, closed at its end. */
const openContexts: BrowserContext[] = [];
const openApis: APIRequestContext[] = [];

async function browserAs(browser: Browser, canary: Canary, account: Account): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL(), storageState: await account.api.storageState() });
  openContexts.push(context);
  await canary.install(context);
  return context.newPage();
}

/**
 * A JSON-LD AnnotationCollection whose every field a person can write carries a payload;
 * `linkHref` links each payload paragraph, `tag` replaces the tags (both for refused imports).
 */
function jsonLdCollection(
  items: readonly XssPayload[],
  label: string,
  broken: { linkHref?: string; tag?: string } = {},
) {
  const sources = items.map((entry, index) => ({
    id: `urn:xss:source:${index}`,
    type: 'Text',
    title: entry.payload.trim() || entry.id,
    byline: entry.payload,
    sourceUrl: isHttpUrl(entry.payload) ? entry.payload : null,
    publishedAt: '2026-11-22',
    doc: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: entry.id }] },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: entry.payload,
              ...(broken.linkHref ? { marks: [{ type: 'link', attrs: { href: broken.linkHref } }] } : {}),
            },
          ],
        },
      ],
    },
  }));
  const annotationItems = items.map((entry, index) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:xss:annotation:${index}`,
    type: 'Annotation',
    motivation: 'tagging',
    creator: { type: 'Person', name: entry.payload.slice(0, 300) },
    created: '2026-11-22T10:00:00.000Z',
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: broken.tag ?? ['finding', 'quote', 'rebuttal'][index % 3] },
      { type: 'TextualBody', purpose: 'commenting', value: entry.payload, format: 'text/plain' },
    ],
    target: {
      source: `urn:xss:source:${index}`,
      selector: [
        { type: 'TextQuoteSelector', exact: entry.payload },
        // The heading (the id) and the blank line come first in the document's text.
        { type: 'TextPositionSelector', start: entry.id.length + 2, end: entry.id.length + 2 + entry.payload.length },
      ],
    },
  }));
  const replies = items.flatMap((entry, index) => [
    {
      id: `urn:xss:reply:${index}`,
      type: 'Annotation',
      motivation: 'replying',
      creator: { type: 'Person', name: entry.payload.slice(0, 300) },
      body: { type: 'TextualBody', value: `Reply: ${entry.payload}`, format: 'text/plain' },
      target: `urn:xss:annotation:${index}`,
    },
    {
      id: `urn:xss:reply:${index}:answer`,
      type: 'Annotation',
      motivation: 'replying',
      body: { type: 'TextualBody', value: `Answer: ${entry.payload}`, format: 'text/plain' },
      target: `urn:xss:annotation:${index}`,
      inReplyTo: `urn:xss:reply:${index}`,
    },
  ]);
  const links = items.slice(1, 40).map((_entry, index) => ({
    id: `urn:xss:link:${index}`,
    type: 'Annotation',
    motivation: 'linking',
    body: [
      { type: 'SpecificResource', source: `urn:xss:annotation:${index}`, purpose: 'linking' },
      { type: 'TextualBody', purpose: 'tagging', value: 'supports' },
    ],
    target: `urn:xss:annotation:${index + 1}`,
  }));
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:xss:collection',
    type: 'AnnotationCollection',
    label,
    sources,
    first: { type: 'AnnotationPage', items: [...annotationItems, ...replies, ...links] },
  };
}

test.afterEach(async () => {
  await Promise.all(openContexts.splice(0).map((context) => context.close()));
  await Promise.all(openApis.splice(0).map((api) => api.dispose()));
});

test.describe('stored XSS', () => {
  // The positive control is two tests: the canary on its own (seconds), and the corpus run
  // unsanitised, whose time grows with the corpus: it ran 2.0 min on a loaded two-core machine
  // against a fixed 120 s limit, so its limit is a hang detector per batch of payloads.
  test('the canary counts an execution and a dialog', async ({ browser }) => {
    const canary = new Canary();
    const context = await browser.newContext();
    await canary.install(context);
    const page = await context.newPage();

    // About:blank, no CSP: one payload that must run.
    canary.current = 'control';
    await page.setContent('<img src=x onerror="window.__xss=(window.__xss||0)+1">');
    await expect.poll(() => canary.count('execution', 'control')).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(1);
    canary.current = 'control-dialog';
    await page.evaluate(() => setTimeout(() => alert('control'), 0));
    await expect.poll(() => canary.count('dialog', 'control-dialog')).toBe(1);
    await context.close();
  });

  test('the corpus runs where nothing sanitises it', async ({ browser }) => {
    const canary = new Canary();
    const context = await browser.newContext();
    await canary.install(context);
    const page = await context.newPage();

    // Each payload in its own frame of a page without CSP, dropped raw into the kind of sink it
    // targets; then links and buttons are clicked, handlers hovered and autofocus focused.
    const markdown = new MarkdownIt({ html: true });
    markdown.validateLink = () => true;
    const sink = (entry: XssPayload) => {
      switch (entry.context) {
        case 'attribute':
          return `<input value="${entry.payload}"><input value='${entry.payload}'>`;
        case 'script':
          return `<script>var a = "${entry.payload}";</script><script>var b = '${entry.payload}';</script>${entry.payload}`;
        case 'markdown':
          return markdown.render(entry.payload);
        default:
          return entry.payload;
      }
    };
    const origin = 'http://xss-control.test';
    const batches = chunk(
      XSS_PAYLOADS.map((_entry, index) => index),
      50,
    );
    // Each batch loads 50 frames and waits ~3 s for them; 60 s each is a hang detector.
    test.setTimeout(30_000 + batches.length * 60_000);
    await context.route(`${origin}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const frame = /^\/p\/(\d+)$/.exec(path);
      const batch = /^\/batch\/(\d+)$/.exec(path);
      if (frame)
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html><head></head><body>${sink(XSS_PAYLOADS[Number(frame[1])]!)}</body></html>`,
        });
      if (batch)
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><body>${batches[Number(batch[1])]!.map((index) => `<iframe name="p-${index}" src="/p/${index}"></iframe>`).join('')}</body>`,
        });
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'none' });
    });
    const onLoad = new Set<number>();
    const onInteraction = new Set<number>();
    const payloadOf = (hit: Hit) => Number(/\[p-(\d+)\]/.exec(hit.detail)?.[1] ?? NaN);
    for (const [batchIndex] of batches.entries()) {
      canary.current = `batch-${batchIndex}`;
      const before = canary.hits.length;
      await page.goto(`${origin}/batch/${batchIndex}`, { waitUntil: 'load' });
      await page.waitForTimeout(600);
      for (const hit of canary.hits.slice(before)) if (hit.kind === 'execution') onLoad.add(payloadOf(hit));
      const afterLoad = canary.hits.length;
      // Scheduled in the frame, so a dialog or a javascript: navigation cannot hold up the test.
      const interact = () =>
        setTimeout(() => {
          for (const element of Array.from(document.querySelectorAll<HTMLElement>('[autofocus]'))) element.focus();
          for (const element of Array.from(document.querySelectorAll('*'))) {
            for (const attribute of Array.from(element.attributes)) {
              if (/^on(mouseover|click)$/i.test(attribute.name))
                element.dispatchEvent(new MouseEvent(attribute.name.slice(2).toLowerCase(), { bubbles: true }));
            }
          }
          for (const element of Array.from(
            document.querySelectorAll('a, area, button, input[type=submit], input[type=image], math[href]'),
          ))
            element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
        }, 0);
      await Promise.all(
        page
          .frames()
          .slice(1)
          .map((frame) =>
            Promise.race([
              frame.evaluate(interact).catch(() => undefined),
              new Promise((resolve) => setTimeout(resolve, 2_000)),
            ]),
          ),
      );
      await page.waitForTimeout(400);
      for (const hit of canary.hits.slice(afterLoad))
        if (hit.kind === 'execution' && !onLoad.has(payloadOf(hit))) onInteraction.add(payloadOf(hit));
    }
    onLoad.delete(NaN);
    onInteraction.delete(NaN);
    const live = new Set([...onLoad, ...onInteraction]);
    const byFamily = [...payloadFamilies()].map(([family, size]) => {
      const ran = XSS_PAYLOADS.filter((entry, index) => entry.family === family && live.has(index)).length;
      return `${family} ${ran}/${size}`;
    });
    console.log(
      `positive control: unsanitised, ${live.size} of ${XSS_PAYLOADS.length} payloads ran (${onLoad.size} on load, ${onInteraction.size} on click/hover/focus): ${byFamily.join(', ')}`,
    );
    // Most of the corpus is live code; the rest are sanitizer-confusion shapes, schemes and CSS
    // that modern Chromium no longer runs (vbscript:, expression(), @import javascript:).
    expect(live.size).toBeGreaterThanOrEqual(Math.floor(XSS_PAYLOADS.length * 0.6));
    await context.close();
  });

  test('the corpus stored through every input never executes on any page that shows it', async ({
    browser,
    playwright,
  }) => {
    // Seeds about 3,000 writes and opens about 60 pages: minutes, not seconds, on two cores.
    test.setTimeout(480_000);
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(200);
    const started = Date.now();
    const ledger = new Ledger();
    const canary = new Canary();

    // --- Accounts whose names are payloads --------------------------------------------------
    const names = namePayloads(6, 100);
    expect(names.length).toBe(6);
    const [owner, ...members] = await Promise.all(
      names.map((name, index) => signUpAccount(playwright, name, index === 0 ? 'owner' : `member${index}`)),
    );
    ledger.add('sign-up name (API)', names.length);
    const [m1, m2, m3, m4, m5] = members as [Account, Account, Account, Account, Account];
    const api = owner!.api;

    // --- Workspaces named with payloads -----------------------------------------------------
    const workspaceNames = fitting(120);
    const main = await call<{ slug: string }>(api, 'POST', '/api/workspaces', { data: { name: workspaceNames[0] } });
    const slug = main.slug;
    const second = await call<{ slug: string }>(api, 'POST', '/api/workspaces', { data: { name: workspaceNames[1] } });
    await inParallel(workspaceNames.slice(2), 6, (name) =>
      call(api, 'POST', '/api/workspaces', { data: { name } }, [201]),
    );
    ledger.add('workspace name', workspaceNames.length);

    // --- Members: invited and joined (one joins through the invitation page, later) ---------
    const roles: [Account, string][] = [
      [m1, 'reviewer'],
      [m2, 'editor'],
      [m3, 'reviewer'],
      [m4, 'viewer'],
      [m5, 'reviewer'],
    ];
    const invitations = await inParallel(roles, 5, ([member, role]) =>
      call<{ url: string }>(api, 'POST', `/api/workspaces/${slug}/invitations`, {
        data: { email: member.email, role },
      }),
    );
    const m5Invitation = new URL(invitations[4]!.url).pathname;
    await inParallel(roles.slice(0, 4), 4, ([member], index) =>
      call(member.api, 'POST', '/api/invitations/accept', {
        data: { token: idOf(invitations[index]!.url) },
      }),
    );
    const { members: memberRows } = await call<{ members: { membershipId: string; userId: string }[] }>(
      api,
      'GET',
      `/api/workspaces/${slug}/members`,
    );
    const m3Membership = memberRows.find((row) => row.userId === m3.id)!.membershipId;
    await call(api, 'PATCH', `/api/workspaces/${slug}/members/${m3Membership}`, { data: { role: 'editor' } });

    // --- Articles: pasted (text, Markdown, HTML per family) and uploaded (.html, .md, .txt) --
    const articlesUrl = `/api/workspaces/${slug}/articles`;
    const corpusText = payloads.join('\n\n');
    const paste = async (text: string, format: string, title: string, byline: string) => {
      const created = await call<{ id: string }>(api, 'POST', articlesUrl, { data: { text, format, title, byline } });
      ledger.add(`pasted article (${format})`);
      ledger.add('article title/byline (import details)', 2);
      return created.id;
    };
    const textArticle = await paste(corpusText, 'text', fitting(300)[2]!, fitting(300)[3]!);
    const markdownArticle = await paste(corpusText, 'markdown', fitting(300)[4]!, fitting(300)[5]!);
    const families = [...payloadFamilies().keys()];
    const htmlArticles = await inParallel(families, 4, (family, index) =>
      paste(
        XSS_PAYLOADS.filter((entry) => entry.family === family)
          .map((entry) => `<p>${entry.id}</p>\n${entry.payload}`)
          .join('\n'),
        'html',
        `${family}: ${fitting(200)[(index * 7) % fitting(200).length]}`,
        fitting(300)[(index * 11) % fitting(300).length]!,
      ),
    );
    const upload = async (name: string, mimeType: string, content: string) => {
      const created = await call<{ id: string }>(api, 'POST', articlesUrl, {
        multipart: { file: { name, mimeType, buffer: Buffer.from(content, 'utf8') } },
      });
      ledger.add(`uploaded file (${name.split('.').at(-1)})`);
      return created.id;
    };
    const [htmlUpload, markdownUpload, textUpload] = await Promise.all([
      upload(
        'corpus.html',
        'text/html',
        `<!doctype html><html><head><title>${fitting(200)[6]}</title><meta name="author" content='${fitting(200)[7]!.replaceAll("'", '&#39;')}'><meta property="og:url" content="https://x.test/&quot;&gt;&lt;img src=x onerror=${CANARY}&gt;"></head><body><article>${XSS_PAYLOADS.map((entry) => `<section><h2>${entry.id}</h2>${entry.payload}</section>`).join('\n')}</article></body></html>`,
      ),
      upload(
        'corpus.md',
        'text/markdown',
        `---\ntitle: "${fitting(200)[8]!.replaceAll('\n', ' ')}"\nauthor: ${fitting(200)[9]!.replaceAll('\n', ' ')}\n---\n\n${corpusText}`,
      ),
      upload('corpus.txt', 'text/plain', `${fitting(200)[10]!.replaceAll('\n', ' ')}\n\n${corpusText}`),
    ]);

    // --- Article details through PATCH: every payload as the title in turn, bylines, sources -
    await inParallel(fitting(300), 4, (title) =>
      call(api, 'PATCH', `/api/articles/${textUpload}`, { data: { title } }),
    );
    ledger.add('article title (PATCH)', fitting(300).length);
    for (const byline of fitting(300).slice(0, 40)) {
      await call(api, 'PATCH', `/api/articles/${textUpload}`, { data: { byline } });
    }
    ledger.add('article byline (PATCH)', 40);
    const sourceUrls = payloads.filter(isHttpUrl);
    for (const sourceUrl of sourceUrls) {
      await call(api, 'PATCH', `/api/articles/${markdownArticle}`, { data: { sourceUrl } });
    }
    ledger.add('article source URL (PATCH)', sourceUrls.length);
    await call(api, 'PATCH', `/api/articles/${htmlUpload}`, {
      data: { sourceUrl: sourceUrls[0], byline: fitting(300)[12], status: 'in_review', publishedAt: '2026-11-22' },
    });
    let refused = 0;
    for (const sourceUrl of [`javascript:${CANARY}`, `data:text/html,<script>${CANARY}</script>`]) {
      await call(api, 'PATCH', `/api/articles/${htmlUpload}`, { data: { sourceUrl } }, [422]);
      refused++;
    }

    // --- A revision: plain text, and a document whose links carry payloads -----------------
    const revisionArticle = await paste('Revision target\n\nA first paragraph.', 'text', fitting(300)[13]!, '');
    const { revisionId } = await call<{ revisionId: string }>(api, 'GET', `/api/articles/${revisionArticle}`);
    const textRevision = await call<{ revisionId: string }>(
      api,
      'PUT',
      `/api/articles/${revisionArticle}`,
      { data: { baseRevisionId: revisionId, text: `Revision target\n\n${corpusText}` } },
      [201],
    );
    const linkDoc = (href: string) => ({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Revision target' }] },
        ...XSS_PAYLOADS.map((entry) => ({
          type: 'paragraph',
          content: [{ type: 'text', text: entry.payload, marks: [{ type: 'link', attrs: { href } }] }],
        })),
      ],
    });
    for (const href of [`javascript:${CANARY}`, `JaVaScRiPt:${CANARY}`, `data:text/html,<script>${CANARY}</script>`]) {
      await call(
        api,
        'PUT',
        `/api/articles/${revisionArticle}`,
        { data: { baseRevisionId: textRevision.revisionId, doc: linkDoc(href) } },
        [422],
      );
      refused++;
    }
    await call(
      api,
      'PUT',
      `/api/articles/${revisionArticle}`,
      { data: { baseRevisionId: textRevision.revisionId, doc: linkDoc(sourceUrls[0]!) } },
      [201],
    );
    ledger.add('article revision (PUT text, PUT doc)', 2 * XSS_PAYLOADS.length);

    // --- Annotations on the text article: one per payload, its note the payload ------------
    const { text } = await call<{ text: string }>(api, 'GET', `/api/articles/${textArticle}`);
    const blocks: { start: number; end: number }[] = [];
    for (let start = 0; start < text.length;) {
      const end = text.indexOf('\n\n', start);
      const stop = end === -1 ? text.length : end;
      if (text.slice(start, stop).trim()) blocks.push({ start, end: stop });
      start = stop + 2;
    }
    expect(blocks.length).toBeGreaterThan(XSS_PAYLOADS.length / 2);
    const authors = [owner!, m1, m2, m3];
    const tags = ['finding', 'quote', 'rebuttal'] as const;
    const annotations = await inParallel(XSS_PAYLOADS, 6, async (entry, index) => {
      const at = text.indexOf(entry.payload.trim());
      const block =
        blocks.find((candidate) => candidate.start <= at && at < candidate.end) ?? blocks[index % blocks.length]!;
      const created = await call<{ id: string; version: number }>(
        authors[index % authors.length]!.api,
        'POST',
        `/api/articles/${textArticle}/annotations`,
        {
          data: {
            '@context': 'http://www.w3.org/ns/anno.jsonld',
            type: 'Annotation',
            body: [
              { type: 'TextualBody', purpose: 'tagging', value: tags[index % 3] },
              { type: 'TextualBody', purpose: 'commenting', value: entry.payload, format: 'text/plain' },
            ],
            target: {
              selector: [
                { type: 'TextQuoteSelector', exact: text.slice(block.start, block.end) },
                { type: 'TextPositionSelector', start: block.start, end: block.end },
              ],
            },
          },
        },
        [201],
      );
      return { id: idOf(created.id), version: created.version, author: authors[index % authors.length]! };
    });
    ledger.add('annotation note', annotations.length);
    // A few on the Markdown article too, for links across articles.
    const { text: markdownText } = await call<{ text: string }>(api, 'GET', `/api/articles/${markdownArticle}`);
    const markdownAnnotations = await inParallel([0, 1, 2, 3, 4], 5, async (index) => {
      const start = index * 40;
      const created = await call<{ id: string }>(api, 'POST', `/api/articles/${markdownArticle}/annotations`, {
        data: {
          body: [
            { purpose: 'tagging', value: 'quote' },
            { purpose: 'commenting', value: payloads[payloads.length - 1 - index] },
          ],
          target: { selector: { type: 'TextPositionSelector', start, end: Math.min(start + 30, markdownText.length) } },
        },
      });
      return idOf(created.id);
    });
    ledger.add('annotation note', markdownAnnotations.length);

    // Review: notes changed, accepted, assigned to members, resolved.
    await inParallel(annotations.slice(0, 24), 6, async (annotation, index) => {
      await call(api, 'PATCH', `/api/annotations/${annotation.id}`, {
        data: {
          note: payloads[(index * 13) % payloads.length],
          reviewStatus: index % 2 ? 'accepted' : 'rejected',
          assigneeId: [m1, m2, m3, m4][index % 4]!.id,
          ...(index % 3 === 0 ? { status: 'resolved' } : {}),
        },
      });
    });
    ledger.add('annotation note (PATCH)', 24);

    // --- Threads: every payload in a comment and again in a reply; mentions of members ------
    const threads = chunk(payloads, 10);
    const comments = await inParallel(threads, 6, async (group, index) => {
      const annotation = annotations[index]!;
      const mentioned = [m1, m2][index % 2]!;
      const first = await call<{ id: string; version: number }>(
        api,
        'POST',
        `/api/annotations/${annotation.id}/comments`,
        { data: { body: `@${mentioned.name} ${group.join('\n')}`, mentions: [mentioned.id] } },
        [201],
      );
      const replier = [m1, m2, m3][index % 3]!;
      await call(
        replier.api,
        'POST',
        `/api/annotations/${annotation.id}/comments`,
        { data: { body: `@${owner!.name} ${[...group].reverse().join('\n')}`, mentions: [owner!.id] } },
        [201],
      );
      return first;
    });
    ledger.add('comment', threads.length);
    ledger.add('comment reply', threads.length);
    ledger.add('mention (member named with a payload)', 2 * threads.length);
    await inParallel(comments.slice(0, 6), 3, (comment, index) =>
      call(api, 'PATCH', `/api/comments/${comment.id}`, {
        data: { body: `Edited: ${threads[(index + 7) % threads.length]!.join('\n')}`, version: comment.version },
      }),
    );
    ledger.add('comment edit', 6);

    // --- API token names ---------------------------------------------------------------------
    const tokenNames = fitting(80).slice(0, 12);
    for (const name of tokenNames) await call(api, 'POST', '/api/tokens', { data: { name } }, [201]);
    ledger.add('API token name', tokenNames.length);

    // --- JSON-LD import: sources, notes, replies, creators and the label --------------------
    const imported = await call<{ articles: number; annotations: number; replies: number }>(
      api,
      'POST',
      `/api/workspaces/${slug}/annotations/import`,
      {
        data: jsonLdCollection(XSS_PAYLOADS, fitting(300)[14]!),
        headers: { 'content-type': 'application/ld+json' },
      },
      [201],
    );
    expect(imported.articles).toBe(XSS_PAYLOADS.length);
    expect(imported.annotations).toBe(XSS_PAYLOADS.length);
    ledger.add('JSON-LD import (API)', imported.articles + imported.annotations + imported.replies);
    const withLinkPayload = jsonLdCollection(XSS_PAYLOADS.slice(0, 3), 'links', { linkHref: `javascript:${CANARY}` });
    await call(
      api,
      'POST',
      `/api/workspaces/${slug}/annotations/import`,
      { data: withLinkPayload, headers: { 'content-type': 'application/ld+json' } },
      [422],
    );
    refused++;

    // --- Links between annotations, found through the link picker's API -------------------
    const picked = await call<{ annotations: { id: string; articleTitle: string }[] }>(
      api,
      'GET',
      `/api/workspaces/${slug}/annotations?q=${encodeURIComponent('onerror')}&exclude=${annotations[0]!.id}`,
    );
    expect(picked.annotations.length).toBeGreaterThan(0);
    const targets = [...picked.annotations.map((hit) => hit.id), ...markdownAnnotations];
    await inParallel(targets.slice(0, 12), 4, (target, index) =>
      call(
        api,
        'POST',
        `/api/annotations/${annotations[index]!.id}/links`,
        { data: { toAnnotationId: target, type: ['supports', 'contradicts', 'rebuts', 'quotes_source'][index % 4] } },
        [201],
      ),
    );
    const seeded = Date.now();

    // --- Pages, as the owner ------------------------------------------------------------------
    const page = await browserAs(browser, canary, owner!);
    const editorReady = async (view: Page) => {
      await expect(view.getByTestId('article-editor')).toBeVisible();
      await expect(view.locator('.ProseMirror')).toBeVisible();
    };
    const showAllCards = async (view: Page) => {
      const more = view.getByRole('button', { name: /^Show more/ });
      while (await more.isVisible()) await more.click();
    };
    const article = (id: string) => `/w/${slug}/articles/${id}`;

    await visit(canary, page, 'workspace home', `/w/${slug}`);
    await visit(canary, page, 'article: pasted text, every note and thread', article(textArticle), {
      ready: editorReady,
      interact: async (view) => {
        await showAllCards(view);
        await expect(view.locator('[data-annotation-card]')).toHaveCount(annotations.length);
        for (const annotation of annotations.slice(0, threads.length)) {
          const card = view.locator(`[data-annotation-card="${annotation.id}"]`);
          await card.getByRole('button', { name: 'Discussion', exact: true }).click();
          await expect(card.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(2);
        }
        // The link picker, searched with payload words.
        const card = view.locator(`[data-annotation-card="${annotations[0]!.id}"]`);
        await card.getByRole('button', { name: 'Link to another annotation' }).click();
        const search = card.getByLabel('Find the annotation to link to');
        for (const query of ['onerror', 'script', 'svg onload', 'javascript', '<img src=x onerror']) {
          await search.fill(query);
          await view.waitForTimeout(400);
          await expect(
            card.getByRole('list', { name: 'Annotations to link to' }).or(card.getByText('No annotation matches.')),
          ).toBeVisible();
        }
        ledger.add('link picker query (reflected)', 5);
        // A comment written in the UI, with a payload and a mention picked from the autocomplete.
        const reply = card.getByLabel('Reply');
        await reply.fill(`${payloads[1]} @`);
        await view.getByRole('listbox', { name: 'Mention a member' }).getByRole('option').first().click();
        await card.getByRole('button', { name: /^(Reply|Comment)$/ }).click();
        await expect(card.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(3);
        ledger.add('comment with mention (UI)');
      },
    });
    await visit(canary, page, 'article: pasted Markdown', article(markdownArticle), { ready: editorReady });
    for (const [index, id] of htmlArticles.entries())
      await visit(canary, page, `article: pasted HTML (${families[index]})`, article(id), { ready: editorReady });
    await visit(canary, page, 'article: uploaded .html', article(htmlUpload), { ready: editorReady });
    await visit(canary, page, 'article: uploaded .md', article(markdownUpload), { ready: editorReady });
    await visit(canary, page, 'article: uploaded .txt, renamed', article(textUpload), { ready: editorReady });
    await visit(canary, page, 'article: revised, annotated in the UI', article(revisionArticle), {
      ready: editorReady,
      interact: async (view) => {
        // An annotation with a note, through the tag toolbar.
        await selectArticleText(view, 'Revision target');
        await view.getByTestId('article-editor').dispatchEvent('mouseup');
        const toolbar = view.getByRole('toolbar', { name: 'Tag the selected text' });
        await toolbar.getByRole('button', { name: '+ Note' }).click();
        await toolbar.getByLabel('Note').fill(payloads[2]!);
        await toolbar.getByRole('button', { name: /Rebuttal/ }).click();
        await expect(view.locator('[data-annotation-card]')).toHaveCount(1);
        ledger.add('annotation note (UI)');
      },
    });
    const importedHits = await call<{ annotations: { id: string; articleId: string }[] }>(
      api,
      'GET',
      `/api/workspaces/${slug}/annotations?q=${encodeURIComponent('img onerror')}`,
    );
    const known = new Set([textArticle, markdownArticle, htmlUpload, markdownUpload, textUpload, ...htmlArticles]);
    for (const hit of importedHits.annotations.filter((candidate) => !known.has(candidate.articleId)).slice(0, 3))
      await visit(canary, page, `article: JSON-LD import ${hit.articleId.slice(-6)}`, article(hit.articleId), {
        ready: editorReady,
        interact: async (view) => {
          await view.getByRole('button', { name: 'Discussion', exact: true }).first().click();
          await expect(view.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(2);
        },
      });
    const queries = [
      'onerror',
      'script',
      'javascript',
      'svg onload',
      'xss',
      'iframe srcdoc',
      'style',
      'mglyph',
      payloads[0]!.slice(0, 200),
      fitting(200).at(-1)!,
    ];
    for (const [index, query] of queries.entries()) {
      const kind = ['all', 'articles', 'annotations', 'comments'][index % 4];
      await visit(canary, page, `search ${index + 1}`, `/w/${slug}/search?q=${encodeURIComponent(query)}&kind=${kind}`);
    }
    ledger.add('search query (reflected)', queries.length);
    await visit(canary, page, 'quote check', `/w/${slug}/quote-check`);
    await visit(canary, page, 'quote check against one article', `/w/${slug}/quote-check?source=${markdownArticle}`);
    await visit(canary, page, 'export', `/w/${slug}/export`);
    await visit(canary, page, 'review memo', `/w/${slug}/memo`);
    await visit(canary, page, 'review memo of one article', `/w/${slug}/memo?article=${textArticle}`);
    await visit(canary, page, 'history', `/w/${slug}/history`);
    await visit(canary, page, 'history of the renamed article', `/w/${slug}/history?article=${textUpload}`);
    await visit(canary, page, 'history by one member', `/w/${slug}/history?actor=${m2.id}`);
    await visit(canary, page, 'members', `/w/${slug}/members`);
    await visit(canary, page, 'inbox of the owner', '/inbox');
    await visit(canary, page, 'API tokens', '/settings/tokens');
    await visit(canary, page, "the owner's own workspace", `/w/${owner!.slug}`);
    await visit(canary, page, 'new workspace', '/workspaces/new');

    // The import page: a JSON-LD export re-imported through the form, and refused imports whose
    // messages quote the file.
    const exported = await call<Record<string, unknown>>(
      api,
      'GET',
      `/api/workspaces/${slug}/export?format=jsonld&article=${textArticle}`,
    );
    await visit(canary, page, 'import page', `/w/${second.slug}/import`, {
      interact: async (view) => {
        const importFile = (name: string, json: unknown) =>
          view.getByLabel('Export file (.jsonld or .json)').setInputFiles({
            name,
            mimeType: 'application/ld+json',
            buffer: Buffer.from(JSON.stringify(json)),
          });
        await importFile('review.jsonld', exported);
        await view.getByRole('button', { name: 'Import annotations' }).click();
        await expect(view.getByText(/^Imported 1 article/)).toBeVisible({ timeout: 30_000 });
        ledger.add('JSON-LD import (UI, exported and re-imported)');
        await importFile('bad-tag.jsonld', jsonLdCollection(XSS_PAYLOADS.slice(0, 1), 'bad tag', { tag: payloads[0] }));
        await view.getByRole('button', { name: 'Import annotations' }).click();
        await expect(view.getByRole('alert').filter({ hasText: 'is tagged' })).toBeVisible();
        await importFile('bad-link.jsonld', withLinkPayload);
        await view.getByRole('button', { name: 'Import annotations' }).click();
        await expect(view.getByRole('alert').filter({ hasText: 'Links may only use' })).toBeVisible();
        ledger.add('JSON-LD import error message (UI)', 2);
      },
    });
    await visit(canary, page, 'second workspace home, after the import', `/w/${second.slug}`);
    await visit(canary, page, 'import page of the corpus workspace', `/w/${slug}/import`, {
      interact: async (view) => {
        // A pasted article through the form: HTML with payloads, a payload as its title.
        await view.getByRole('radio', { name: 'Paste text' }).click();
        await view.getByLabel('Article text').fill(XSS_PAYLOADS.map((entry) => entry.payload).join('\n'));
        await view.getByLabel('Format').selectOption('html');
        await view.getByLabel('Title', { exact: true }).fill(fitting(300)[15]!);
        await view.getByLabel('Byline', { exact: true }).fill(fitting(300)[16]!);
        await view.getByRole('button', { name: 'Import article' }).click();
        await expect(view).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
        ledger.add('pasted article (UI, HTML, with title and byline)');
      },
    });
    await inspect(canary, page, 'article: pasted in the UI', { ready: editorReady });

    // --- Pages, as members ------------------------------------------------------------------
    const memberPage = await browserAs(browser, canary, m1);
    await visit(canary, memberPage, 'inbox of a mentioned member', '/inbox');
    await visit(canary, memberPage, 'article as a reviewer', article(textArticle), {
      ready: editorReady,
      interact: async (view) => {
        const card = view.locator(`[data-annotation-card="${annotations[1]!.id}"]`);
        await card.getByRole('button', { name: 'Discussion', exact: true }).click();
        await expect(card.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(2);
      },
    });
    const viewerPage = await browserAs(browser, canary, m4);
    await visit(canary, viewerPage, 'article as a viewer', article(textArticle), { ready: editorReady });
    await visit(canary, viewerPage, 'search as a viewer', `/w/${slug}/search?q=onerror`);
    const inviteePage = await browserAs(browser, canary, m5);
    await visit(canary, inviteePage, 'invitation', m5Invitation, {
      interact: async (view) => {
        await view.getByRole('button', { name: /^Join / }).click();
        await expect(view).toHaveURL(new RegExp(`/w/${slug}$`));
        ledger.add('invitation accepted (UI)');
      },
    });
    await inspect(canary, inviteePage, 'workspace home, after joining');

    // --- Sign-up through the form, with a payload as the name -------------------------------
    const uiContext = await browser.newContext({ baseURL: baseURL() });
    openContexts.push(uiContext);
    await canary.install(uiContext);
    const uiPage = await uiContext.newPage();
    canary.current = 'sign-up form';
    const uiName = namePayloads(7, 100)[6] ?? fitting(100)[20]!;
    await signUp(uiPage, { ...newUser('xss-ui'), name: uiName });
    ledger.add('sign-up name (UI)');
    await inspect(canary, uiPage, 'own workspace after signing up in the UI');

    // --- Figures ------------------------------------------------------------------------------
    const executions = canary.hits.filter((hit) => hit.kind === 'execution');
    const dialogs = canary.hits.filter((hit) => hit.kind === 'dialog');
    const dom = canary.hits.filter((hit) => hit.kind === 'dom');
    const csp = canary.hits.filter((hit) => hit.kind === 'csp');
    const storedItems = [...ledger.stored.values()].reduce((sum, count) => sum + count, 0);
    const familySizes = [...payloadFamilies()].map(([family, size]) => `${family} ${size}`).join(', ');
    console.log(
      `stored XSS: ${XSS_PAYLOADS.length} payloads (${familySizes}) × ${ledger.stored.size} entry points stored (${storedItems} writes; ${refused} dangerous URLs refused with 422), ${canary.pages.length} pages opened, ${executions.length} executions, ${dialogs.length} dialogs, ${dom.length} payloads rendered as live markup, ${csp.length} CSP-blocked attempts; seeded in ${((seeded - started) / 1000).toFixed(1)} s, pages in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    );
    console.log(
      `entry points: ${[...ledger.stored].map(([entry, count]) => `${entry} (${count})`).join('; ')}\npages: ${canary.pages.join('; ')}`,
    );
    const show = (hits: Hit[]) => hits.map((hit) => `${hit.page}: ${hit.detail}`).join('\n');
    if (csp.length) console.log(`CSP-blocked attempts:\n${show(csp.slice(0, 40))}`);
    expect(show(executions), 'payload executions').toBe('');
    expect(show(dialogs), 'dialogs').toBe('');
    expect(show(dom), 'payloads rendered as live markup').toBe('');
  });
});
