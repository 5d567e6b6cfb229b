import { expect, test, type Browser, type Page } from '@playwright/test';
import { selectArticleText } from '../fixtures/select-text';
import { signIn } from '../fixtures/users';
import { E2E_PASSWORD, REVIEW_WORKSPACE, TEAM } from '../fixtures/workspaces';

const PASSAGE = 'instructed local federal prosecutors';

async function open(browser: Browser, member: { email: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email: member.email, password: E2E_PASSWORD });
  await page.goto(`/w/${REVIEW_WORKSPACE.slug}`);
  await page.getByRole('link', { name: /laying blame/ }).click();
  await expect(page.getByTestId('article-editor')).toBeVisible();
  await expect(page.getByTestId('presence')).toContainText(/Live|Also here/);
  return page;
}

const card = (page: Page) => page.locator('[data-annotation-card]').filter({ hasText: PASSAGE });
const comments = (page: Page) => card(page).getByRole('list', { name: 'Comments' }).getByRole('listitem');

test('two reviewers see each other, and each other’s annotations and comments, without reloading', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const a = await open(browser, TEAM.reviewerA);
  const b = await open(browser, TEAM.editor);
  await expect(b.getByTestId('presence')).toContainText(`Also here: ${TEAM.reviewerA.name}`);
  await expect(a.getByTestId('presence')).toContainText(`Also here: ${TEAM.editor.name}`);

  await selectArticleText(a, PASSAGE);
  await a.keyboard.press('1');
  await expect(b.getByTestId('article-editor').locator('mark[data-tag="finding"]')).toHaveText(PASSAGE);
  await expect(card(b)).toContainText(TEAM.reviewerA.name);

  await card(b).getByRole('button', { name: 'Discussion' }).click();
  await expect(card(b).getByText('No comments yet.')).toBeVisible();
  await card(a).getByRole('button', { name: 'Discussion' }).click();
  const reply = card(a).getByRole('combobox', { name: 'Reply' });
  await reply.fill('@Eda');
  await reply.press('Enter');
  await reply.pressSequentially('can you verify this against the report?');
  await card(a).getByRole('button', { name: 'Comment' }).click();

  await expect(comments(b)).toHaveCount(1);
  await expect(comments(b).first()).toContainText('can you verify this against the report?');
  await expect(b.getByTestId('unread-badge')).toHaveText(/[1-9]/);

  await card(b).getByRole('combobox', { name: 'Reply' }).fill('Verified: page 5 of the report.');
  await card(b).getByRole('button', { name: 'Reply' }).click();
  await expect(comments(a)).toHaveCount(2);
  // B, an editor, resolves the thread; A sees it resolved without reloading.
  await card(b).getByRole('button', { name: 'Resolve' }).click();
  await expect(card(a).getByTestId('thread-status')).toHaveText('Resolved');

  // B drops off the network; A keeps writing; B comes back and catches up, each event once.
  await b.context().setOffline(true);
  await expect(b.getByTestId('presence')).toContainText('Reconnecting');
  for (const [index, text] of ['First while you were away.', 'Second while you were away.'].entries()) {
    await card(a).getByRole('combobox', { name: 'Reply' }).fill(text);
    await card(a).getByRole('button', { name: 'Reply' }).click();
    await expect(comments(a)).toHaveCount(3 + index);
  }
  await expect(comments(a)).toHaveCount(4);
  await b.context().setOffline(false);
  await expect(comments(b)).toHaveCount(4, { timeout: 15_000 });
  await expect(comments(b).filter({ hasText: 'Second while you were away.' })).toHaveCount(1);
  await expect(b.getByTestId('presence')).toContainText(`Also here: ${TEAM.reviewerA.name}`, { timeout: 20_000 });

  await a.context().close();
  await b.context().close();
});
