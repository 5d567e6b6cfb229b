// The whole review loop with the keyboard alone: no mouse calls, no caret browsing. Only key
// presses, and focus and visibility checks, with axe run on every state the loop passes through.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../fixtures/axe';
import { createSandboxArticle, tagThroughApi } from '../fixtures/sandbox-article';
import { DEMO, signIn } from '../fixtures/users';

const FIRST = 'The first sentence opens the record.';
const SECOND = 'The second sentence is the one to tag.';
const LATER = 'passage a colleague tagged earlier';
const PARAGRAPHS = [`${FIRST} ${SECOND} A third sentence follows it.`, `A later paragraph holds the ${LATER}.`];

async function expectNoViolations(page: Page, state: string) {
  expect(await axeViolations(page), state).toEqual([]);
}

const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

async function openArticle(page: Page) {
  await signIn(page, DEMO);
  const article = await createSandboxArticle(page, 'Keyboard review', PARAGRAPHS);
  await tagThroughApi(page, article.id, article.text, LATER, 'quote');
  await page.goto(article.url);
  await expect(page.getByTestId('article-editor')).toBeVisible();
  return article;
}

test('tag a sentence, reply, resolve, go to the next annotation and accept it, by keyboard alone', async ({
  page,
}, testInfo) => {
  // Seven axe runs on a busy two-core machine: a hang detector, not a speed target.
  test.setTimeout(150_000);
  await openArticle(page);
  const region = page.getByRole('region', { name: 'Article' });
  const toolbar = page.getByRole('toolbar', { name: 'Tag the selected text' });
  await expectNoViolations(page, 'article loaded');

  // The skip link is the first Tab stop and lands in the text.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to article' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(region).toBeFocused();

  // Shift+Ctrl+Right selects a word (the tag toolbar comes with it), Escape drops it.
  await page.keyboard.press('Shift+Control+ArrowRight');
  await expect(toolbar).toBeVisible();
  expect(await selectedText(page)).toBe('The');
  await page.keyboard.press('Escape');
  await expect(toolbar).toBeHidden();
  await expect(page.getByTestId('reading-caret')).toBeVisible();

  // Word by word to the end of the first sentence, two characters on, and s selects the second.
  for (let word = 1; word < 6; word++) await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('s');
  await expect(toolbar).toBeVisible();
  expect(await selectedText(page)).toBe(SECOND);
  await expectNoViolations(page, 'sentence selected');
  await page.screenshot({ path: testInfo.outputPath('keyboard-sentence-selected.png') });

  await page.keyboard.press('1');
  const tagged = page.getByTestId('article-editor').locator('mark[data-tag="finding"]');
  await expect(tagged).toHaveText(SECOND);
  await expect(toolbar).toBeHidden();
  await expect(region).toBeFocused();
  const card = page.locator('[data-annotation-card]').filter({ hasText: SECOND });
  await expect(card).toContainText('Finding');
  await expectNoViolations(page, 'sentence tagged');

  // Enter opens the new annotation's card with focus in its reply box; replying keeps it there.
  await page.keyboard.press('Enter');
  const reply = card.getByRole('combobox', { name: 'Reply' });
  await expect(reply).toBeFocused();
  await page.keyboard.type('Checked against the report.');
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Comment' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.locator('[data-comment]')).toContainText('Checked against the report.');
  await expect(reply).toBeFocused();
  await expectNoViolations(page, 'reply posted');

  // Resolve (the empty reply's button is skipped by Tab), then Escape goes back to the passage.
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Resolve' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('thread-status')).toHaveText('Resolved');
  await expect(card.getByRole('button', { name: 'Reopen' })).toBeFocused();
  await expectNoViolations(page, 'thread resolved');
  await page.keyboard.press('Escape');
  await expect(tagged.first()).toBeFocused();

  // j goes to the next annotation in the text; Enter opens its card; the review is accepted.
  await page.keyboard.press('j');
  const next = page.getByTestId('article-editor').locator('mark[data-tag="quote"]');
  await expect(next.first()).toBeFocused();
  await expect(next.first()).toHaveClass(/is-active/);
  // The reading caret went with it, to where the passage begins.
  await expect
    .poll(async () => {
      const [caret, mark] = [await page.getByTestId('reading-caret').boundingBox(), await next.first().boundingBox()];
      return caret && mark ? Math.abs(caret.x - mark.x) < 6 && Math.abs(caret.y - mark.y) < 12 : false;
    })
    .toBe(true);
  await page.screenshot({ path: testInfo.outputPath('keyboard-next-annotation.png') });
  await expectNoViolations(page, 'next annotation');
  await page.keyboard.press('Enter');
  const nextCard = page.locator('[data-annotation-card]').filter({ hasText: LATER });
  await expect(nextCard.getByRole('combobox', { name: 'Reply' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const verdict = nextCard.getByRole('combobox', { name: 'Review status' });
  await expect(verdict).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(verdict).toHaveValue('accepted');
  await expect(nextCard.getByTestId('review-line')).toContainText('Accepted by');
  await expectNoViolations(page, 'annotation accepted');

  // Back in the text, k returns to the first annotation; past the last one, j says so.
  await page.keyboard.press('Escape');
  await expect(next.first()).toBeFocused();
  await page.keyboard.press('j');
  await expect(page.getByRole('status').filter({ hasText: 'No annotation after this one.' })).toBeVisible();
  await page.keyboard.press('k');
  await expect(tagged.first()).toBeFocused();
});

test('? lists the shortcuts in a modal dialog that keeps focus and closes with Escape', async ({ page }, testInfo) => {
  await openArticle(page);
  const region = page.getByRole('region', { name: 'Article' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(region).toBeFocused();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  for (const tag of ['Finding', 'Quote', 'Rebuttal']) await expect(dialog).toContainText(`Tag as ${tag}`);
  await expect(dialog).toContainText('Next annotation in the text');
  await expectNoViolations(page, 'shortcuts dialog');
  await page.screenshot({ path: testInfo.outputPath('keyboard-shortcuts-dialog.png') });
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(region).toBeFocused();
});

test('editing and deleting a comment keep focus in the discussion', async ({ page }) => {
  await openArticle(page);
  const region = page.getByRole('region', { name: 'Article' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(region).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  const card = page.locator('[data-annotation-card]').filter({ hasText: LATER });
  const reply = card.getByRole('combobox', { name: 'Reply' });
  await expect(reply).toBeFocused();
  await page.keyboard.type('A first thought.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const comment = card.locator('[data-comment]');
  await expect(comment).toContainText('A first thought.');

  // Edit: straight into the text; Save: back on the comment's Edit button.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  const edit = comment.getByRole('button', { name: 'Edit' });
  await expect(edit).toBeFocused();
  await page.keyboard.press('Enter');
  const box = comment.getByRole('textbox', { name: 'Edit comment' });
  await expect(box).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' And a second.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(comment).toContainText('A first thought. And a second.');
  await expect(edit).toBeFocused();

  // Escape in the edit box cancels the edit, not the card.
  await page.keyboard.press('Enter');
  await expect(box).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(edit).toBeFocused();

  // Delete: the comment's buttons go, focus moves to the reply box.
  await page.keyboard.press('Tab');
  await expect(comment.getByRole('button', { name: 'Delete comment' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(comment).toContainText('Comment deleted');
  await expect(reply).toBeFocused();
  await expectNoViolations(page, 'comment deleted');
});
