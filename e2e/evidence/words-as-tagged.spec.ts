// Issue #12 end to end: a tag accepted on "children", the text edited to "kids": the card,
// the memo and the CSV show the words as tagged struck against the words now, the state is
// Changed and the verdict "accepted on earlier wording"; an unrelated edit above leaves other
// cards exact; revision 1 compared with revision 3 shows both edits; a tag made on a stale
// page lands on the latest revision.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { appOriginHeaders } from '../fixtures/api-session';
import { selectArticleText } from '../fixtures/select-text';
import { DEMO, signIn } from '../fixtures/users';

test.describe.configure({ mode: 'serial' });

const DRIVING_FILE = path.resolve(
  import.meta.dirname,
  '../../prisma/seed-data/doj-ig-sessions-rosenstein-driving-force.txt',
);
const CHILDREN = 'did not matter how young the children were';
const OTHER = 'deeply concerned';

let workspacePath = '';
let articlePath = '';

const card = (page: Page, text: string) => page.locator('[data-annotation-card]').filter({ hasText: text }).first();

async function tag(page: Page, text: string) {
  await expect(page.getByTestId('article-editor')).toBeVisible();
  await selectArticleText(page, text);
  await page.getByTestId('article-editor').dispatchEvent('mouseup');
  await page.keyboard.press('1');
  await expect(card(page, text)).toBeVisible();
}

async function editText(page: Page, select: string, replacement: string, revision: number) {
  await page.getByRole('button', { name: 'Edit text' }).click();
  await selectArticleText(page, select);
  await page.keyboard.type(replacement);
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByRole('status')).toContainText(`Saved revision ${revision}.`);
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO);
});

test('accepted on "children", edited to "kids": the card shows both words, Changed, accepted on earlier wording', async ({
  page,
}) => {
  await page.getByRole('link', { name: '+ New workspace' }).click();
  const name = `Evidence ${Date.now()}`;
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  workspacePath = new URL(page.url()).pathname;
  await page.goto(`${workspacePath}/import`);
  await page.getByLabel(/^Document/).setInputFiles(DRIVING_FILE);
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  articlePath = new URL(page.url()).pathname;

  await tag(page, CHILDREN);
  await tag(page, OTHER);
  await card(page, CHILDREN).getByLabel('Review status').selectOption('accepted');
  await expect(page.getByRole('status')).toContainText('Marked accepted.');

  await editText(page, 'how young the children were', 'how young the kids were', 2);
  const changed = card(page, 'how young the kids were');
  await expect(changed.getByTestId('anchor-state')).toHaveText('Changed');
  await expect(changed.getByTestId('as-tagged').locator('del')).toHaveText(/children/);
  await expect(changed.getByTestId('as-tagged').locator('ins')).toHaveText(/kids/);
  await expect(changed.getByTestId('verdict-earlier-wording')).toContainText('Accepted on earlier wording');

  // An unrelated edit above: the other card stays exact, the changed one stays changed.
  await editText(page, 'Top Justice', 'Senior Justice', 3);
  await expect(card(page, OTHER).getByTestId('anchor-state')).toHaveText('Anchored');
  await expect(card(page, 'how young the kids were').getByTestId('anchor-state')).toHaveText('Changed');

  // The review queue: the verdict on earlier wording counts as open.
  await page.reload();
  await expect(card(page, 'how young the kids were').getByTestId('verdict-earlier-wording')).toBeVisible();
});

test('the memo and the CSV say so too', async ({ page }) => {
  await page.goto(`${workspacePath}/export`);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).first().click(),
  ]);
  const csvText = await readFile(await csv.path(), 'utf8');
  const row = csvText.split('\r\n').find((line) => line.includes(CHILDREN))!;
  expect(row).toContain('did not matter how young the [-children -]{+kids +}were');
  expect(row).toContain('Accepted on earlier wording');

  await page.getByRole('link', { name: 'Open the review memo' }).first().click();
  const words = page.getByTestId('memo-words-now');
  await expect(words.locator('del')).toHaveText(/children/);
  await expect(words.locator('ins')).toHaveText(/kids/);
  await expect(page.locator('blockquote', { hasText: `“${CHILDREN}”` })).toBeVisible();
  await expect(page.getByText(/Review: Accepted on earlier wording/)).toBeVisible();
  // Each quote carries its pinpoint citation: the article, the revision it refers to, the paragraph.
  await expect(page.getByTestId('memo-citation').first()).toContainText(/, revision \d+, ¶ \d+$/);
});

test('comparing revision 1 with revision 3 shows both edits, with the annotations affected', async ({ page }) => {
  await page.goto(articlePath);
  await page.getByRole('link', { name: 'Revision 3' }).click();
  await expect(page.getByTestId('revision-row')).toHaveCount(3);
  await page.getByLabel('Compare').selectOption('1');
  await page.getByLabel('with').selectOption('3');
  await page.getByRole('button', { name: 'Compare' }).click();
  const diff = page.getByTestId('revision-diff');
  await expect(diff.locator('del', { hasText: 'children' })).toBeVisible();
  await expect(diff.locator('ins', { hasText: 'kids' })).toBeVisible();
  await expect(diff.locator('del', { hasText: 'Top' })).toBeVisible();
  await expect(diff.locator('ins', { hasText: 'Senior' })).toBeVisible();
  await expect(page.getByTestId('affected-annotation').filter({ hasText: CHILDREN })).toContainText('Changed');

  // Revision 1 read-only, with the annotation as it stood there: exact.
  await page.goto(`${articlePath}/revisions/1`);
  await expect(page.getByTestId('revision-text')).toContainText(CHILDREN);
  await expect(page.getByTestId('revision-annotation').filter({ hasText: CHILDREN })).toContainText('Anchored');
});

test('a tag made on a page one revision behind lands on the latest revision', async ({ page }) => {
  await page.goto(articlePath);
  await expect(page.getByTestId('article-editor')).toBeVisible();
  const articleId = articlePath.split('/').at(-1)!;
  // Someone else saves revision 4 while this page still shows revision 3.
  const current = await (await page.request.get(`/api/articles/${articleId}`)).json();
  const saved = await page.request.put(`/api/articles/${articleId}`, {
    headers: appOriginHeaders(),
    data: { baseRevisionId: current.revisionId, text: `A new opening paragraph.\n\n${current.text}` },
  });
  expect(saved.status()).toBe(201);
  const latest = await (await page.request.get(`/api/articles/${articleId}`)).json();

  const STALE = 'barely more than infants';
  await selectArticleText(page, STALE);
  await page.getByTestId('article-editor').dispatchEvent('mouseup');
  await page.keyboard.press('1');
  // The live banner for the other save shows beside it: two status messages.
  await expect(page.getByRole('status').filter({ hasText: 'carried over to the latest revision' })).toBeVisible();
  const list = await (await page.request.get(`/api/articles/${articleId}/annotations`)).json();
  const made = (
    list.first.items as { revision: string; target: { selector: { exact?: string; start?: number }[] } }[]
  ).find((item) => item.target.selector[0]?.exact === STALE)!;
  expect(made.revision).toBe(latest.revisionId);
  const start = made.target.selector[1]!.start!;
  expect(latest.text.slice(start, start + STALE.length)).toBe(STALE);
});
