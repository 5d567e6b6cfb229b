// A file over 1 MB is converted in the background (issue #13): the page shows the import's
// progress, then a link to the new article.
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from '../fixtures/users';
import { SANDBOX_WORKSPACE } from '../fixtures/workspaces';

function largeMarkdown(title: string): Buffer {
  const paragraph = 'The auditors traced every payment from the ledger to the bank statements and back. '.repeat(5);
  const lines = [`# ${title}`, ''];
  for (let i = 0; lines.join('\n').length < 1_200_000; i += 100) {
    for (let j = i; j < i + 100; j++) lines.push(`Paragraph ${j}. ${paragraph}`, '');
  }
  lines.push('The final paragraph closes the record.');
  return Buffer.from(lines.join('\n'));
}

test('a large Markdown file shows its progress, then links to the article', async ({ page }) => {
  test.setTimeout(90_000);
  const title = `Large record ${Date.now()}`;
  await signIn(page, DEMO);
  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}/import`);
  await page
    .getByLabel(/^Document/)
    .setInputFiles({ name: 'large-record.md', mimeType: 'text/markdown', buffer: largeMarkdown(title) });
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/workspaces/${SANDBOX_WORKSPACE.slug}/articles`),
  );
  await page.getByRole('button', { name: 'Import article' }).click();
  expect((await answer).status()).toBe(202);

  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await expect(page.getByText(/(Waiting to convert|Converting) large-record\.md/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Open the article' });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'large-record.md is imported.' })).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});
