import { expect, test, type Browser, type Page } from '@playwright/test';
import { appOriginHeaders } from '../fixtures/api-session';
import { selectArticleText } from '../fixtures/select-text';
import { signIn } from '../fixtures/users';
import { E2E_PASSWORD, OUTSIDER, REVIEW_WORKSPACE, TEAM } from '../fixtures/workspaces';

const QUOTE = 'We need to take away children';
const OVERLAP = 'take away children,” Sessions told';

// One review, step by step: each test builds on the annotations of the one before.
test.describe.configure({ mode: 'serial' });

let articlePath = '';

async function openAs(browser: Browser, member: { email: string }): Promise<Page> {
  const page = await browser.newPage();
  await signIn(page, { email: member.email, password: E2E_PASSWORD });
  if (!articlePath) {
    await page.goto(`/w/${REVIEW_WORKSPACE.slug}`);
    await page.getByRole('link', { name: /Driving Force/ }).click();
    await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
    articlePath = new URL(page.url()).pathname;
  } else {
    await page.goto(articlePath);
  }
  await expect(page.getByTestId('article-editor')).toBeVisible();
  return page;
}

/** The text of one annotation's highlight, joined over the pieces overlapping highlights split it into. */
async function highlightedText(page: Page, cardQuote: string): Promise<string> {
  const card = page.locator('[data-annotation-card]').filter({ hasText: cardQuote }).first();
  const id = await card.getAttribute('data-annotation-card');
  const pieces = await page.getByTestId('article-editor').locator(`mark[data-annotation-id="${id}"]`).allTextContents();
  return pieces.join('');
}

/** Highlights in the article (not the legend), optionally of one tag. */
function marks(page: Page, tag?: string) {
  return page.getByTestId('article-editor').locator(tag ? `mark[data-tag="${tag}"]` : 'mark[data-annotation-id]');
}

function card(page: Page, quote: string) {
  return page
    .locator('[data-annotation-card]')
    .filter({ has: page.locator('blockquote', { hasText: new RegExp(`^${quote}$`) }) });
}

test('a reviewer tags a quote with key 2', async ({ browser }) => {
  const page = await openAs(browser, TEAM.reviewerA);
  await selectArticleText(page, QUOTE);
  await expect(page.getByRole('toolbar', { name: 'Tag the selected text' })).toBeVisible();
  await page.keyboard.press('2');
  await expect(marks(page, 'quote')).toHaveText(QUOTE);
  await expect(card(page, QUOTE)).toContainText('Quote');
  await expect(card(page, QUOTE)).toContainText(TEAM.reviewerA.name);
  await expect(marks(page, 'quote')).toHaveAttribute('title', `Quote by ${TEAM.reviewerA.name}`);
  await page.close();
});

test('another reviewer sees it after reload and tags an overlapping span as a rebuttal with a note', async ({
  browser,
}) => {
  const page = await openAs(browser, TEAM.reviewerB);
  await expect(card(page, QUOTE)).toBeVisible();
  expect(await highlightedText(page, QUOTE)).toBe(QUOTE);
  await selectArticleText(page, OVERLAP);
  const toolbar = page.getByRole('toolbar', { name: 'Tag the selected text' });
  await toolbar.getByRole('button', { name: '+ Note' }).click();
  await toolbar.getByLabel('Note').fill('Participants’ notes, not a recording: check the wording.');
  await toolbar.getByRole('button', { name: /Rebuttal/ }).click();
  await expect(card(page, OVERLAP)).toContainText('Participants’ notes, not a recording');
  expect(await highlightedText(page, OVERLAP)).toBe(OVERLAP);
  expect(await highlightedText(page, QUOTE)).toBe(QUOTE);

  // The sidebar filters by tag, with counts.
  const filters = page.getByRole('group', { name: 'Filter annotations' });
  await expect(filters.getByRole('button', { name: 'Rebuttal 1' })).toBeVisible();
  await filters.getByRole('button', { name: 'Rebuttal 1' }).click();
  await expect(page.locator('[data-annotation-card]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.locator('[data-annotation-card]')).toHaveCount(2);
  await page.close();
});

test('a viewer sees the highlights but gets no toolbar and cannot tag', async ({ browser }) => {
  const page = await openAs(browser, TEAM.viewer);
  await expect(marks(page, 'quote').first()).toBeVisible();
  await expect(marks(page, 'rebuttal').first()).toBeVisible();
  await selectArticleText(page, 'deeply concerned');
  await page.keyboard.press('1');
  await expect(page.getByRole('toolbar')).toHaveCount(0);
  await expect(marks(page, 'finding')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit text' })).toHaveCount(0);
  await expect(page.locator('[data-annotation-card]').getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await page.close();
});

test('an editor changes the paragraph before; both highlights stay on their words, exact (an offset shift is not news)', async ({
  browser,
}) => {
  const page = await openAs(browser, TEAM.editor);
  await page.getByRole('button', { name: 'Edit text' }).click();
  await selectArticleText(page, 'pushed the policy to prosecutors');
  await page.keyboard.type('pressed the policy on federal prosecutors');
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByRole('status')).toContainText('Saved revision 2.');
  await expect(page.getByRole('status')).not.toContainText('moved');
  await expect(page.getByText(/^Revision 2 ·/)).toBeVisible();
  expect(await highlightedText(page, QUOTE)).toBe(QUOTE);
  expect(await highlightedText(page, OVERLAP)).toBe(OVERLAP);
  await expect(card(page, QUOTE).getByTestId('anchor-state')).toHaveText('Anchored');
  await expect(card(page, OVERLAP).getByTestId('anchor-state')).toHaveText('Anchored');

  await page.reload();
  // The highlights are drawn once the article's editors mount, which is when this id appears.
  await expect(page.getByTestId('article-editor')).toBeVisible();
  expect(await highlightedText(page, QUOTE)).toBe(QUOTE);
  await page.close();
});

test('an editor deletes the quoted sentence; the annotations are listed as orphaned with their quotes', async ({
  browser,
}) => {
  const page = await openAs(browser, TEAM.editor);
  await page.getByRole('button', { name: 'Edit text' }).click();
  await selectArticleText(
    page,
    '“We need to take away children,” Sessions told the prosecutors, according to participants’ notes. ',
  );
  await page.keyboard.press('Backspace');
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByRole('status')).toContainText('2 orphaned');
  for (const quote of [QUOTE, OVERLAP]) {
    await expect(card(page, quote).getByTestId('anchor-state')).toHaveText('Orphaned');
  }
  await expect(page.getByTestId('article-editor').locator('mark[data-annotation-id]')).toHaveCount(0);
  await page.getByLabel('State').selectOption('orphaned');
  await expect(page.locator('[data-annotation-card]')).toHaveCount(2);
  await page.close();
});

test('a member of another workspace gets 404 from the API for all of it', async ({ browser }) => {
  const member = await openAs(browser, TEAM.reviewerA);
  const articleId = articlePath.split('/').at(-1)!;
  const collection = await (await member.request.get(`/api/articles/${articleId}/annotations`)).json();
  expect(collection).toMatchObject({ type: expect.arrayContaining(['AnnotationCollection']), total: 2 });
  const annotationUrl = new URL(collection.first.items[0].id).pathname;
  await member.close();

  const outsider = await browser.newPage();
  await signIn(outsider, { email: OUTSIDER.email, password: E2E_PASSWORD });
  const api = outsider.request;
  expect((await api.get(`/api/articles/${articleId}`)).status()).toBe(404);
  expect((await api.get(`/api/articles/${articleId}/annotations`)).status()).toBe(404);
  const post = await api.post(`/api/articles/${articleId}/annotations`, {
    headers: appOriginHeaders(),
    data: {
      type: 'Annotation',
      body: { purpose: 'tagging', value: 'finding' },
      target: { selector: { type: 'TextPositionSelector', start: 0, end: 5 } },
    },
  });
  expect(post.status()).toBe(404);
  expect(
    (
      await api.put(`/api/articles/${articleId}`, {
        headers: appOriginHeaders(),
        data: { text: 'x', baseRevisionId: '00000000-0000-7000-8000-000000000000' },
      })
    ).status(),
  ).toBe(404);
  expect((await api.get(annotationUrl)).status()).toBe(404);
  expect((await api.patch(annotationUrl, { data: { tag: 'finding' }, headers: appOriginHeaders() })).status()).toBe(
    404,
  );
  expect((await api.delete(annotationUrl, { headers: appOriginHeaders() })).status()).toBe(404);
  await outsider.goto(articlePath);
  await expect(outsider.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await outsider.close();
});

test('the article history lists the review in order and exports it as CSV', async ({ browser }) => {
  const page = await openAs(browser, TEAM.viewer);
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'History' }).locator('tbody tr');
  const actions = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
  expect(actions.filter((action) => action !== 'article.created')).toEqual([
    'annotation.created',
    'annotation.created',
    'article.revised',
    'article.revised',
  ]);
  await expect(rows.filter({ hasText: `tagged “${QUOTE}” as Quote` })).toContainText(TEAM.reviewerA.name);
  await expect(rows.filter({ hasText: 'saved revision 3 (annotations: 2 orphaned)' })).toContainText(TEAM.editor.name);

  await page.getByRole('combobox', { name: 'Who' }).selectOption({ label: TEAM.reviewerB.name });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`tagged “${OVERLAP}” as Rebuttal with a note`);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const csv = await (await download).createReadStream().then(
    (stream) =>
      new Promise<string>((resolve) => {
        let text = '';
        stream.on('data', (chunk) => (text += chunk));
        stream.on('end', () => resolve(text));
      }),
  );
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('time,actor,action,description,object_type,object_id,before,after');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(TEAM.reviewerB.name);
  await page.close();
});

test('reviewers discuss an annotation in its thread and one resolves it', async ({ browser }) => {
  const a = await openAs(browser, TEAM.reviewerA);
  const quoteCard = card(a, QUOTE);
  await quoteCard.getByRole('button', { name: 'Discussion' }).click();
  await quoteCard
    .getByLabel('Reply')
    .fill('The draft report has this at p. 41: https://example.org/ig-draft.pdf. Also javascript:alert(1)');
  await quoteCard.getByRole('button', { name: 'Comment' }).click();
  const comments = quoteCard.getByRole('list', { name: 'Comments' });
  await expect(comments.getByRole('listitem')).toHaveCount(1);
  await expect(comments.getByRole('link', { name: 'https://example.org/ig-draft.pdf' })).toHaveAttribute(
    'href',
    'https://example.org/ig-draft.pdf',
  );
  await expect(comments.getByRole('link')).toHaveCount(1);
  await a.close();

  const b = await openAs(browser, TEAM.reviewerB);
  const sameCard = card(b, QUOTE);
  await sameCard.getByRole('button', { name: 'Discussion' }).click();
  await expect(sameCard.getByRole('list', { name: 'Comments' })).toContainText('The draft report has this at p. 41');
  await sameCard.getByLabel('Reply').fill('Agreed, wording confirmed.');
  await sameCard.getByRole('button', { name: 'Reply' }).click();
  await expect(sameCard.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(2);
  // Reviewer B did not write this annotation, so B may not resolve it.
  await expect(sameCard.getByRole('button', { name: 'Resolve' })).toHaveCount(0);
  await b.close();

  const author = await openAs(browser, TEAM.reviewerA);
  await card(author, QUOTE).getByRole('button', { name: 'Discussion' }).click();
  await card(author, QUOTE).getByRole('button', { name: 'Resolve' }).click();
  await expect(card(author, QUOTE).getByTestId('thread-status')).toHaveText('Resolved');
  await author.reload();
  await expect(card(author, QUOTE).getByTestId('thread-status')).toHaveText('Resolved');
  await author.close();
});

test('an editor accepts and assigns an annotation and puts the article in review', async ({ browser }) => {
  const editor = await openAs(browser, TEAM.editor);
  const quoteCard = card(editor, QUOTE);
  await quoteCard.getByRole('combobox', { name: 'Review status' }).selectOption('accepted');
  await expect(card(editor, QUOTE)).toContainText(`Accepted by ${TEAM.editor.name}`);
  await card(editor, QUOTE).getByRole('combobox', { name: 'Assignee' }).selectOption({ label: TEAM.reviewerB.name });
  await expect(card(editor, QUOTE).getByRole('combobox', { name: 'Assignee' })).toHaveValue(/[0-9a-f-]{36}/);
  // Wait for the save: leaving the page below would otherwise cancel the request in flight.
  const statusSaved = editor.waitForResponse(
    (response) => response.request().method() === 'PATCH' && /\/api\/articles\/[0-9a-f-]{36}$/.test(response.url()),
  );
  await editor.getByRole('combobox', { name: 'Article status' }).selectOption('in_review');
  expect((await statusSaved).status()).toBe(200);

  const sidebar = editor.getByRole('complementary', { name: 'Annotations' });
  await sidebar.getByRole('combobox', { name: 'Filter by review' }).selectOption('accepted');
  await expect(editor.locator('[data-annotation-card]')).toHaveCount(1);
  await sidebar.getByRole('combobox', { name: 'Filter by assignee' }).selectOption('none');
  await expect(editor.locator('[data-annotation-card]')).toHaveCount(0);
  await expect(editor.getByText('No annotation matches these filters.')).toBeVisible();

  await editor.goto(`/w/${REVIEW_WORKSPACE.slug}`);
  const row = editor.getByRole('listitem').filter({ hasText: 'Driving Force' });
  await expect(row.getByTestId('article-status')).toHaveText('In review');
  await expect(row.getByTestId('review-counts')).toHaveText('· 1 open, 1 accepted, 0 rejected');
  await editor.close();

  const reviewer = await openAs(browser, TEAM.reviewerA);
  await expect(card(reviewer, QUOTE).getByTestId('review-line')).toHaveText(
    `Accepted by ${TEAM.editor.name} · assigned to ${TEAM.reviewerB.name}`,
  );
  await expect(card(reviewer, QUOTE).getByRole('combobox', { name: 'Review status' })).toHaveCount(0);
  await reviewer.close();
});

test('a reviewer @mentions another with autocomplete; the mention waits in their inbox', async ({ browser }) => {
  const a = await openAs(browser, TEAM.reviewerA);
  const overlapCard = card(a, OVERLAP);
  await overlapCard.getByRole('button', { name: 'Discussion' }).click();
  const reply = overlapCard.getByRole('combobox', { name: 'Reply' });
  await reply.fill('Can you check the notes, @Ben');
  const suggestions = overlapCard.getByRole('listbox', { name: 'Mention a member' });
  await expect(suggestions.getByRole('option')).toHaveText([`@${TEAM.reviewerB.name}`]);
  await reply.press('Enter');
  await expect(reply).toHaveValue(`Can you check the notes, @${TEAM.reviewerB.name} `);
  await reply.pressSequentially('before Friday?');
  await overlapCard.getByRole('button', { name: 'Comment' }).click();
  await expect(overlapCard.getByRole('list', { name: 'Comments' })).toContainText('before Friday?');
  await a.close();

  // Ben also has the assignment of the editor's test above waiting: the mention is the second item.
  const b = await openAs(browser, TEAM.reviewerB);
  await expect(b.getByTestId('unread-badge')).toHaveText('2');
  await b.getByRole('link', { name: 'Inbox, 2 unread' }).click();
  const items = b.getByRole('list', { name: 'Mentions and assignments' }).getByRole('listitem');
  await expect(items.filter({ hasText: `${TEAM.editor.name} assigned you` })).toHaveCount(1);
  const mention = items.filter({ hasText: `${TEAM.reviewerA.name} mentioned you` }).first();
  await expect(mention).toContainText('before Friday?');
  await mention.getByRole('button', { name: 'Mark read' }).click();
  await expect(b.getByTestId('unread-count')).toHaveText('1 unread');
  await mention.getByRole('link', { name: /Driving Force/ }).click();
  await expect(b.getByTestId('article-editor')).toBeVisible();
  await expect(b.getByTestId('unread-badge')).toHaveText('1');
  await b.close();
});
