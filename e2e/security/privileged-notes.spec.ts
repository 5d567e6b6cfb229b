import { expect, test, type Browser, type Page } from '@playwright/test';
import { signedInRequest } from '../fixtures/api-session';
import { signIn } from '../fixtures/users';
import { E2E_PASSWORD, REVIEW_WORKSPACE, TEAM } from '../fixtures/workspaces';

// Issue #16: a privileged annotation is invisible to a viewer and another reviewer through the
// page, the API, search, export, the live stream and History, and appears (without its words)
// in the privilege log.
const slug = REVIEW_WORKSPACE.slug;
const NOTE = 'zanzibar counsel opinion';
const COMMENT = 'quixotic settlement figure';

async function openArticle(browser: Browser, email: string, articleId: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, { email, password: E2E_PASSWORD });
  await page.goto(`/w/${slug}/articles/${articleId}`);
  await expect(page.getByTestId('presence')).toContainText(/Live|Also here/);
  return page;
}

const idOf = async (response: { json: () => Promise<{ id: string }> }) =>
  new URL((await response.json()).id).pathname.split('/').at(-1)!;

test('a privileged annotation reaches only editors, owners and its author, and the privilege log without content', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = (email: string) => signedInRequest(playwright, baseURL!, { email, password: E2E_PASSWORD });
  const [editor, author, viewer, reviewerB] = await Promise.all([
    api(TEAM.editor.email),
    api(TEAM.reviewerA.email),
    api(TEAM.viewer.email),
    api(TEAM.reviewerB.email),
  ]);
  const created = await editor.post(`/api/workspaces/${slug}/articles`, {
    data: {
      text: 'Privileged review\n\nThe board met counsel on Tuesday. The press release followed.',
      format: 'text',
      title: `Privileged ${crypto.randomUUID()}`,
    },
  });
  expect(created.status()).toBe(201);
  const { id: articleId } = (await created.json()) as { id: string };
  const { text } = (await (await editor.get(`/api/articles/${articleId}`)).json()) as { text: string };
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const annotate = (client: typeof author, tag: string, words: string, note?: string) =>
    client.post(`/api/articles/${articleId}/annotations`, {
      data: {
        type: 'Annotation',
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: tag },
          ...(note ? [{ type: 'TextualBody', purpose: 'commenting', value: note }] : []),
        ],
        target: { selector: { type: 'TextPositionSelector', ...span(words) } },
      },
    });
  const secretId = await idOf(await annotate(author, 'finding', 'met counsel', NOTE));
  expect((await author.post(`/api/annotations/${secretId}/comments`, { data: { body: COMMENT } })).status()).toBe(201);

  const authorPage = await openArticle(browser, TEAM.reviewerA.email, articleId);
  const viewerPage = await openArticle(browser, TEAM.viewer.email, articleId);
  const highlight = (page: Page) => page.getByTestId('article-editor').locator('mark[data-tag="finding"]');
  await expect(highlight(viewerPage)).toHaveText('met counsel');
  // The other reviewer's stream, recorded from here on (their page stays open throughout).
  const reviewerPage = await openArticle(browser, TEAM.reviewerB.email, articleId);
  await expect(highlight(reviewerPage)).toHaveText('met counsel');
  await reviewerPage.evaluate((id) => {
    const events: string[] = [];
    (window as unknown as { __events: string[] }).__events = events;
    new EventSource(`/api/articles/${id}/events`).addEventListener('change', (event) => events.push(event.data));
  }, articleId);

  // The author marks it on its card, with the basis the log will state.
  const card = authorPage.locator(`#annotation-card-${secretId}`);
  await card.getByRole('button', { name: 'Mark privileged' }).click();
  await card.getByLabel('Basis').fill('attorney-client');
  await card.getByRole('button', { name: 'Mark', exact: true }).click();
  await expect(card.getByTestId('privileged-badge')).toBeVisible();

  // Page: the viewer's highlight and card go away live, and a reload does not bring them back.
  await expect(highlight(viewerPage)).toHaveCount(0);
  await expect(viewerPage.locator(`#annotation-card-${secretId}`)).toHaveCount(0);
  await viewerPage.reload();
  await expect(viewerPage.getByTestId('presence')).toContainText(/Live|Also here/);
  await expect(highlight(viewerPage)).toHaveCount(0);
  await expect(viewerPage.locator('body')).not.toContainText(NOTE);

  // Stream: more happens on it (a withheld comment, then a visible annotation as the control).
  expect((await editor.post(`/api/annotations/${secretId}/comments`, { data: { body: COMMENT } })).status()).toBe(201);
  const controlId = await idOf(await annotate(editor, 'quote', 'press release'));
  const recorded = () => reviewerPage.evaluate(() => (window as unknown as { __events: string[] }).__events);
  await expect(highlight(reviewerPage)).toHaveCount(0);
  await expect.poll(async () => (await recorded()).join('\n')).toContain(controlId);
  const aboutSecret = (await recorded()).map((data) => JSON.parse(data)).filter((e) => e.objectId === secretId);
  expect(aboutSecret).toEqual([
    expect.objectContaining({ action: 'annotation.privileged', before: null, after: null }),
  ]);
  expect((await recorded()).join('\n')).not.toMatch(new RegExp(`${COMMENT}|${NOTE}|attorney-client`));

  for (const client of [viewer, reviewerB]) {
    // API: the IRIs are "not found"; the container neither lists nor counts it.
    for (const url of [
      `/api/annotations/${secretId}`,
      `/api/articles/${articleId}/annotations/${secretId}`,
      `/api/annotations/${secretId}/comments`,
      `/api/annotations/${secretId}/history`,
    ])
      expect((await client.get(url)).status(), url).toBe(404);
    const container = await client.get(`/api/articles/${articleId}/annotations`);
    const listed = JSON.stringify(await container.json());
    expect(listed).not.toContain(secretId);
    expect((JSON.parse(listed) as { total: number }).total).toBe(1);
    // Search.
    for (const q of ['zanzibar', 'quixotic']) {
      const found = await client.get(`/api/workspaces/${slug}/search?q=${q}`);
      const body = (await found.json()) as { annotations: unknown[]; comments: unknown[] };
      expect([body.annotations.length, body.comments.length], q).toEqual([0, 0]);
    }
    // Export, even when asked to include privileged notes; the privilege log is refused.
    for (const format of ['csv', 'jsonld']) {
      const exported = await client.get(
        `/api/workspaces/${slug}/export?format=${format}&article=${articleId}&privileged=include`,
      );
      expect(exported.status()).toBe(200);
      expect(await exported.text()).not.toMatch(new RegExp(`${secretId}|${NOTE}|${COMMENT}`));
    }
    expect((await client.get(`/api/workspaces/${slug}/export?format=privilege-log`)).status()).toBe(403);
    // History.
    const history = await client.get(`/api/workspaces/${slug}/history?articleId=${articleId}`);
    expect(history.status()).toBe(200);
    expect(await history.text()).not.toMatch(new RegExp(`${secretId}|${NOTE}|${COMMENT}|attorney-client`));
  }
  // The search and History pages say nothing of it either.
  await viewerPage.goto(`/w/${slug}/search?q=zanzibar`);
  await expect(viewerPage.locator('main')).not.toContainText(NOTE);
  await viewerPage.goto(`/w/${slug}/history?article=${articleId}`);
  await expect(viewerPage.locator('main')).not.toContainText('attorney-client');
  await expect(viewerPage.locator('main')).not.toContainText('Marked privileged');

  // The editor sees it all, exports it when asked, and the privilege log lists it without its words.
  expect((await editor.get(`/api/annotations/${secretId}`)).status()).toBe(200);
  const withPrivileged = await editor.get(
    `/api/workspaces/${slug}/export?format=csv&article=${articleId}&privileged=include`,
  );
  expect(await withPrivileged.text()).toContain(NOTE);
  const without = await editor.get(`/api/workspaces/${slug}/export?format=csv&article=${articleId}`);
  expect(await without.text()).not.toContain(NOTE);
  const log = await editor.get(`/api/workspaces/${slug}/export?format=privilege-log&article=${articleId}`);
  expect(log.status()).toBe(200);
  const logText = await log.text();
  expect(logText).toContain('attorney-client');
  expect(logText).toContain(TEAM.reviewerA.name);
  expect(logText).toContain('Finding');
  expect(logText).toMatch(/¶ \d+/);
  expect(logText).not.toMatch(new RegExp(`met counsel|${NOTE}|${COMMENT}`));

  // Withdrawing the privilege brings it back to the viewer, live.
  await viewerPage.goto(`/w/${slug}/articles/${articleId}`);
  await expect(viewerPage.getByTestId('presence')).toContainText(/Live|Also here/);
  await expect(highlight(viewerPage)).toHaveCount(0);
  await authorPage.locator(`#annotation-card-${secretId}`).getByRole('button', { name: 'Withdraw privilege' }).click();
  await expect(highlight(viewerPage)).toHaveText('met counsel');

  await Promise.all([editor, author, viewer, reviewerB].map((client) => client.dispose()));
});
