import { expect, test } from '@playwright/test';
import { signedInRequest } from '../fixtures/api-session';
import { signIn } from '../fixtures/users';
import { E2E_PASSWORD, REVIEW_WORKSPACE, TEAM } from '../fixtures/workspaces';

// Before the fix a fresh connection replayed the article's recent history, so a page already
// at the latest revision announced that someone had just saved one.
test('a page at the latest revision shows no “new revision” banner until someone saves one', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const editor = await signedInRequest(playwright, baseURL!, { email: TEAM.editor.email, password: E2E_PASSWORD });
  const created = await editor.post(`/api/workspaces/${REVIEW_WORKSPACE.slug}/articles`, {
    data: { text: 'Fresh connection\n\nA first paragraph.', format: 'text', title: `Fresh ${crypto.randomUUID()}` },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const save = async (text: string) => {
    const { revisionId } = (await (await editor.get(`/api/articles/${id}`)).json()) as { revisionId: string };
    const saved = await editor.put(`/api/articles/${id}`, { data: { baseRevisionId: revisionId, text } });
    expect(saved.status()).toBe(201);
  };
  await save('Fresh connection\n\nA second paragraph.');

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email: TEAM.reviewerA.email, password: E2E_PASSWORD });
  await page.goto(`/w/${REVIEW_WORKSPACE.slug}/articles/${id}`);
  await expect(page.getByText('Revision 2')).toBeVisible();
  await expect(page.getByTestId('presence')).toContainText(/Live|Also here/);
  const banner = page.getByText('Someone saved a new revision of this article.');
  // Events arrive in order: once an annotation made now shows, any replay of the revision
  // saved before the page loaded would already have raised the banner.
  const annotated = await editor.post(`/api/articles/${id}/annotations`, {
    data: {
      type: 'Annotation',
      body: { purpose: 'tagging', value: 'finding' },
      target: { selector: { type: 'TextPositionSelector', start: 0, end: 5 } },
    },
  });
  expect(annotated.status()).toBe(201);
  await expect(page.getByTestId('article-editor').locator('mark[data-tag="finding"]')).toHaveText('Fresh');
  await expect(banner).toBeHidden();

  // Positive control: a revision saved now is announced.
  await save('Fresh connection\n\nA third paragraph.');
  await expect(banner).toBeVisible();
  await context.close();
  await editor.dispose();
});
