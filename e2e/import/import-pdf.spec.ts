// PDFs, the documents legal teams mostly receive: a text PDF becomes an article without its
// running header and page numbers, each block keeping its page; a scan is refused with the reason.
import { expect, test, type Page } from '@playwright/test';
import { makePdf } from '../../lib/domain/import/testing/make-pdf';
import { selectArticleText } from '../fixtures/select-text';
import { DEMO, signIn } from '../fixtures/users';
import { SANDBOX_WORKSPACE } from '../fixtures/workspaces';

const HEADER = 'ACME v. SMITH — TRANSCRIPT — PRIVILEGED AND CONFIDENTIAL';

async function uploadPdf(page: Page, name: string, bytes: Uint8Array) {
  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}/import`);
  await page.getByLabel(/^Document/).setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
  await page.getByRole('button', { name: 'Import article' }).click();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO);
});

test('a three-page PDF imports without its running header, with each block on its page', async ({ page }) => {
  const pdf = await makePdf({
    title: 'Transcript of the hearing',
    header: HEADER,
    pageNumbers: true,
    pages: [
      { blocks: [{ kind: 'paragraph', text: 'Page one: the court opened the hearing at nine in the morning.' }] },
      { blocks: [{ kind: 'paragraph', text: 'Page two: counsel for the plaintiff called the first witness.' }] },
      { blocks: [{ kind: 'paragraph', text: 'Page three: the hearing was adjourned until the next day.' }] },
    ],
  });
  await uploadPdf(page, 'hearing.pdf', pdf);
  await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transcript of the hearing');
  const editor = page.getByTestId('article-editor');
  await expect(editor).toContainText('counsel for the plaintiff called the first witness');
  await expect(editor).not.toContainText('PRIVILEGED AND CONFIDENTIAL');
  await expect(editor.locator('[data-page="2"]')).toContainText('Page two');
  await expect(editor.locator('[data-page="3"]')).toContainText('Page three');

  // A passage tagged on page two is cited by its page on the card, and in the export.
  await selectArticleText(page, 'called the first witness');
  await page.keyboard.press('1');
  const card = page.locator('[data-annotation-card]').filter({ hasText: 'called the first witness' });
  await expect(card.getByTestId('citation')).toHaveText('p. 2');
  const slug = SANDBOX_WORKSPACE.slug;
  const articleId = page.url().split('/').at(-1)!;
  const exported = await (
    await page.request.get(`/api/workspaces/${slug}/export?format=jsonld&article=${articleId}`)
  ).json();
  const selectors = exported.first.items[0].target.selector as { type: string; value?: string }[];
  expect(selectors.find((selector) => selector.type === 'FragmentSelector')?.value).toBe('page=2');
  const csv = await (await page.request.get(`/api/workspaces/${slug}/export?format=csv&article=${articleId}`)).text();
  expect(csv.split('\r\n')[1]).toMatch(/,1,p\. 2$/);
  await page.goto(`/w/${slug}/memo?article=${articleId}`);
  await expect(page.getByTestId('memo-citation')).toHaveText('— Transcript of the hearing, revision 1, p. 2');
});

test('a scanned PDF (images only) is refused with a 422 that says it has no text layer', async ({ page }) => {
  const scan = await makePdf({ scanned: true, pages: [{ blocks: [] }, { blocks: [] }] });
  const response = page.waitForResponse((r) => r.url().endsWith(`/api/workspaces/${SANDBOX_WORKSPACE.slug}/articles`));
  await uploadPdf(page, 'scan.pdf', scan);
  expect((await response).status()).toBe(422);
  await expect(page.getByRole('alert').filter({ hasText: /no text layer/ })).toBeVisible();
  await expect(page).toHaveURL(/\/import$/);
});
