import { expect, test } from '@playwright/test';
import { generateParagraphs } from '../../scripts/bench/generate-article';
import { EVIDENCE_STATE_LABELS } from '../../lib/domain/evidence/evidence-state';
import { appOriginHeaders } from '../fixtures/api-session';
import { selectArticleText } from '../fixtures/select-text';
import { DEMO, signIn } from '../fixtures/users';
import { SANDBOX_WORKSPACE } from '../fixtures/workspaces';

const TAGGED = 'The witness recalled the meeting on the ninth of March in the annex.';
const PASSAGE = 'ninth of March';
const EDITED = 'An earlier paragraph keeps its original wording until an editor revises it.';

test('a 100,000-word article: a reviewer tags mid-article, an editor revises one paragraph and saves', async ({
  page,
}) => {
  // A hang detector for a 750 KB article on a busy two-core machine, not a speed target.
  test.setTimeout(150_000);
  const paragraphs = generateParagraphs({ words: 100_000, seed: 3 });
  paragraphs.splice(900, 0, EDITED);
  paragraphs.splice(1_300, 0, TAGGED);
  await signIn(page, DEMO);
  const response = await page.request.post(`/api/workspaces/${SANDBOX_WORKSPACE.slug}/articles`, {
    headers: appOriginHeaders(),
    data: { text: paragraphs.join('\n\n'), format: 'text', title: `Long record ${Date.now()}` },
  });
  expect(response.status()).toBe(201);
  const { id, url } = (await response.json()) as { id: string; url: string };
  await page.goto(url);

  const article = page.getByTestId('article-editor');
  // Reading: nothing is contenteditable, and only the windows near the viewport have editors.
  await expect(article.locator('.ProseMirror').first()).toBeVisible();
  await expect(article.locator('[contenteditable="true"]')).toHaveCount(0);
  const windows = await article.locator('[data-block-window]').count();
  expect(windows).toBeGreaterThan(20);
  expect(await article.locator('.ProseMirror').count()).toBeLessThan(windows / 2);

  // Tag a passage two thirds of the way down, with key 1.
  await article.getByText(TAGGED).scrollIntoViewIfNeeded();
  await expect(article.locator('.ProseMirror', { hasText: TAGGED })).toBeVisible();
  await selectArticleText(page, PASSAGE);
  await page.keyboard.press('1');
  await expect(article.locator('mark[data-tag="finding"]')).toHaveText(PASSAGE);
  await expect(page.locator('[data-annotation-card]').filter({ hasText: PASSAGE })).toContainText('Finding');

  // Edit one paragraph above it; the save is a whole new revision and the highlight moves with its words.
  await page.getByRole('button', { name: 'Edit text' }).click();
  await article.getByText(EDITED).scrollIntoViewIfNeeded();
  await expect(article.locator('[contenteditable="true"]', { hasText: EDITED })).toBeVisible();
  await selectArticleText(page, 'original wording');
  await page.keyboard.type('revised text');
  await page.getByRole('button', { name: 'Save revision' }).click();
  // Its words and their context are untouched, so only its offset shifted: still exact, nothing to report.
  await expect(page.getByRole('status')).toHaveText('Saved revision 2.');
  await expect(
    page.locator('[data-annotation-card]').filter({ hasText: PASSAGE }).getByTestId('anchor-state'),
  ).toHaveText(EVIDENCE_STATE_LABELS.exact);

  const saved = (await (await page.request.get(`/api/articles/${id}`)).json()) as { text?: string };
  expect(saved.text).toContain('keeps its revised text until');
  expect(saved.text).not.toContain('original wording');

  await page.reload();
  await article.getByText(TAGGED).scrollIntoViewIfNeeded();
  await expect(article.locator('mark[data-tag="finding"]')).toHaveText(PASSAGE);
});
