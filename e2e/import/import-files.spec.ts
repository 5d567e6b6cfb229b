// Importing real files: structure survives, hostile markup is dropped and never runs,
// and a broken file is refused with a clear message and creates nothing.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from '../fixtures/users';
import { SANDBOX_WORKSPACE } from '../fixtures/workspaces';

const files = path.resolve(import.meta.dirname, '../fixtures/files');

/** Other tests import into the sandbox in parallel, so "created nothing" is "no import answered 201". */
function watchCreated(page: Page): string[] {
  const created: string[] = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.method() === 'POST' && request.url().endsWith('/articles') && response.status() === 201) {
      created.push(request.url());
    }
  });
  return created;
}

async function upload(page: Page, file: string) {
  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}/import`);
  await page.getByLabel(/^Document/).setInputFiles(path.join(files, file));
  await page.getByRole('button', { name: 'Import article' }).click();
}

test.beforeEach(async ({ page }) => {
  // A canary: any script that runs from imported content would count here.
  await page.addInitScript(() => {
    Object.defineProperty(window, '__xss', {
      configurable: true,
      get: () => (window as unknown as { __xssCount?: number }).__xssCount ?? 0,
      set: (value: number) => {
        (window as unknown as { __xssCount?: number }).__xssCount = value;
      },
    });
  });
  await signIn(page, DEMO);
});

test('a .docx keeps its title, headings, emphasis, list and link', async ({ page }) => {
  await upload(page, 'ig-report-summary.docx');
  await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inspector General faults zero tolerance rollout');
  const editor = page.getByTestId('article-editor');
  await expect(editor.locator('h2, h3').first()).toBeVisible();
  await expect(editor.locator('ul li')).toHaveCount(3);
  await expect(editor.locator('strong').first()).toBeVisible();
  await expect(editor.locator('em').first()).toBeVisible();
  await expect(editor.locator('a[href="https://oig.justice.gov/"]')).toBeVisible();
});

test('an .html file with scripts and event handlers shows its text and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await upload(page, 'hostile-article.html');
  await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hostile HTML import test');
  const editor = page.getByTestId('article-editor');
  await expect(editor).toContainText('This paragraph must survive the import.');
  await expect(editor).toContainText('dangerous link');
  await expect(editor.getByRole('link', { name: 'safe link' })).toHaveAttribute('href', 'https://example.org/ok');
  await expect(editor.getByRole('link', { name: 'dangerous link' })).toHaveCount(0);
  for (const selector of ['script', 'img', 'svg', 'iframe', '[onerror]', '[onload]', 'a[href^="javascript"]']) {
    await expect(editor.locator(selector)).toHaveCount(0);
  }
  await page.reload();
  await expect(editor).toContainText('This paragraph must survive the import.');
  expect(await page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);
  expect(dialogs).toEqual([]);
});

test('a corrupt .docx is refused with a clear message and creates nothing', async ({ page }) => {
  const created = watchCreated(page);
  await upload(page, 'not-a-docx.docx');
  await expect(page.getByRole('alert').filter({ hasText: /could not be read/ })).toBeVisible();
  await expect(page).toHaveURL(/\/import$/);
  expect(created).toEqual([]);
});

test('an unsupported file type is refused before upload work is wasted', async ({ page }) => {
  const created = watchCreated(page);
  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}/import`);
  await page.getByLabel(/^Document/).setInputFiles({
    name: 'slides.pptx',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    buffer: Buffer.from('PK not really'),
  });
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\.txt, \.md, \.html/ })).toBeVisible();
  expect(created).toEqual([]);
});

test('pasted Markdown becomes a structured article with the details given', async ({ page }) => {
  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}/import`);
  await page.getByRole('radio', { name: 'Paste text' }).click();
  await page
    .getByLabel('Article text')
    .fill('# Pasted brief\n\nThe **first** paragraph.\n\n## Background\n\n- one point\n- another point\n');
  await page.getByLabel('Format').selectOption('markdown');
  await page.getByLabel('Byline').fill('Desk editor');
  await page.getByLabel('Source URL').fill('https://example.org/brief');
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pasted brief');
  const editor = page.getByTestId('article-editor');
  await expect(editor.locator('strong')).toHaveText('first');
  await expect(editor.locator('ul li')).toHaveCount(2);
  await expect(page.getByText('Desk editor')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Source: example.org' })).toBeVisible();
});

test('a file over 10 MB is refused at once, and submitting repeats why rather than asking for a file', async ({
  page,
}) => {
  // Other tests import into the same workspace in parallel, so "nothing created" is "nothing sent".
  const uploads: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/articles')) uploads.push(request.url());
  });
  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}/import`);
  const picker = page.getByLabel(/^Document/);
  await picker.setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(11 * 1024 * 1024, 'a') });
  await expect(
    page.getByRole('alert').filter({ hasText: /huge\.txt is 11(\.0)? MB\. Files up to 10 MB/ }),
  ).toBeVisible();
  expect(await picker.evaluate((input: HTMLInputElement) => input.files?.length ?? 0)).toBe(0);
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /Files up to 10 MB/ })).toBeVisible();
  await expect(page.getByText('Choose a file to import.')).toHaveCount(0);
  expect(uploads).toEqual([]);
});
