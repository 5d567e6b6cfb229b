import { expect, test } from '@playwright/test';
import { SANDBOX_WORKSPACE } from '../fixtures/workspaces';
import { DEMO, signIn } from '../fixtures/users';

test('opening a seed article shows its title, subheadings and paragraphs in the editor', async ({ page }) => {
  await signIn(page, DEMO);
  await page.getByRole('link', { name: /Driving Force/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /Were “Driving Force” Behind Trump’s Child Separation/,
  );

  const editor = page.getByTestId('article-editor');
  await expect(editor).toBeVisible();
  // Reading is not editing: no contenteditable anywhere, yet the text is in a (read-only) editor view.
  await expect(editor.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
  await expect(editor.locator('[contenteditable="true"]')).toHaveCount(0);
  await expect(editor.getByRole('heading', { level: 2 })).toHaveText([
    'Sessions tried to distance himself',
    'Sessions refused interview',
  ]);
  await expect(editor.getByText('“We need to take away children,” Sessions told the prosecutors')).toBeVisible();
  await expect(editor.locator('p')).toHaveCount(12);
  await expect(editor).not.toContainText('Related News');
});

test('an owner edits the title, byline, date and source of an article whose title was derived', async ({ page }) => {
  await signIn(page, DEMO);
  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}`);
  await page.getByRole('link', { name: /laying blame for…/ }).click();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByLabel('Title').fill('IG report blames Sessions and Rosenstein for family separations');
  await page.getByLabel('Byline').fill('Staff reporter');
  await page.getByLabel('Published date').fill('2019-10-07');
  await page.getByLabel('Source URL').fill('https://example.org/ig-report');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'IG report blames Sessions and Rosenstein for family separations',
  );
  await expect(page.getByText('Staff reporter · Published 7 Oct 2019')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Source: example.org' })).toHaveAttribute(
    'href',
    'https://example.org/ig-report',
  );
  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}`);
  await expect(page.getByRole('link', { name: /IG report blames Sessions and Rosenstein/ })).toBeVisible();
});

test('a member of several workspaces switches between them', async ({ page }) => {
  await signIn(page, DEMO);
  await page.getByRole('combobox', { name: 'Switch workspace' }).selectOption(SANDBOX_WORKSPACE.slug);
  await expect(page).toHaveURL(new RegExp(`/w/${SANDBOX_WORKSPACE.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SANDBOX_WORKSPACE.name);
});
