// On a phone the article keeps the screen: the annotations are a bottom sheet behind a toggle,
// and a touch selection brings up the tag toolbar.
import { expect, test } from '@playwright/test';
import { axeViolations } from '../fixtures/axe';
import { createSandboxArticle } from '../fixtures/sandbox-article';
import { selectArticleText } from '../fixtures/select-text';
import { DEMO, signIn } from '../fixtures/users';

const PASSAGE = 'a touch selection on a phone';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('at 390 px the annotations are a bottom sheet, tagging works by touch, and axe finds nothing', async ({
  page,
}, testInfo) => {
  await signIn(page, DEMO);
  const article = await createSandboxArticle(page, 'Phone review', [
    `The reviewer tags ${PASSAGE} with the toolbar above it.`,
    'A second paragraph, so the page has some length to it.',
  ]);
  await page.goto(article.url);
  await expect(page.getByTestId('article-editor')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const toggle = page.getByRole('button', { name: /^Annotations \(0\)/ });
  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(sidebar).toBeHidden();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('phone-article-closed.png') });

  await selectArticleText(page, PASSAGE);
  const toolbar = page.getByRole('toolbar', { name: 'Tag the selected text' });
  await expect(toolbar).toBeVisible();
  const box = (await toolbar.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('phone-article-toolbar.png') });
  await toolbar.getByRole('button', { name: /Finding/ }).tap();
  await expect(page.getByTestId('article-editor').locator('mark[data-tag="finding"]')).toHaveText(PASSAGE);

  const tagged = page.getByRole('button', { name: /^Annotations \(1\)/ });
  await tagged.tap();
  await expect(tagged).toHaveAttribute('aria-expanded', 'true');
  await expect(sidebar.locator('[data-annotation-card]').filter({ hasText: PASSAGE })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('phone-article-sheet.png') });

  // The toggle works by keyboard too, and Escape in the sheet closes it.
  await tagged.focus();
  await page.keyboard.press('Enter');
  await expect(sidebar).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(sidebar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();
});
