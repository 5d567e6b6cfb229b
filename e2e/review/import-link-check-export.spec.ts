// The review across articles, end to end: a fresh workspace imports both seed articles as
// files, links a rebuttal in one to a finding in the other, checks the shared Inspector
// General quote, exports the review three ways, and re-imports the JSON-LD elsewhere.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { selectArticleText } from '../fixtures/select-text';
import { DEMO, signIn } from '../fixtures/users';

test.describe.configure({ mode: 'serial' });

const seedDir = path.resolve(import.meta.dirname, '../../prisma/seed-data');
const BLAMES_FILE = path.join(seedDir, 'doj-ig-report-blames-sessions-rosenstein.txt');
const DRIVING_FILE = path.join(seedDir, 'doj-ig-sessions-rosenstein-driving-force.txt');
const IG_QUOTE =
  'the Department’s single-minded focus on increasing immigration prosecutions came at the expense of careful and appropriate consideration of the impact of family unit prosecutions and child separations';
const FINDING = 'officials were a “driving force” behind the Trump administration’s child separation policy';
const REBUTTAL = 'pushed blame onto Donald Trump';

let workspacePath = '';
let blamesPath = '';
let drivingPath = '';
let exportFile = '';

async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.getByRole('link', { name: '+ New workspace' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function importFile(page: Page, file: string): Promise<string> {
  await page.goto(`${workspacePath}/import`);
  await page.getByLabel(/^Document/).setInputFiles(file);
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('article-editor')).toBeVisible();
  return new URL(page.url()).pathname;
}

async function tag(page: Page, text: string, key: '1' | '2' | '3') {
  // The editor replaces the server-rendered text once it mounts; select in the editor itself.
  await expect(page.getByTestId('article-editor')).toBeVisible();
  await selectArticleText(page, text);
  await page.getByTestId('article-editor').dispatchEvent('mouseup');
  await page.keyboard.press(key);
  await expect(page.locator('[data-annotation-card]').filter({ hasText: text })).toBeVisible();
}

const card = (page: Page, text: string) => page.locator('[data-annotation-card]').filter({ hasText: text }).first();

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO);
});

test('an owner creates a workspace and imports both seed articles as files', async ({ page }) => {
  workspacePath = await createWorkspace(page, `Cross-check ${Date.now()}`);
  await expect(page.getByText('No articles yet')).toBeVisible();
  blamesPath = await importFile(page, BLAMES_FILE);
  await expect(page.getByTestId('article-editor')).toContainText('Inspector General released a report');
  drivingPath = await importFile(page, DRIVING_FILE);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Driving Force');
  await page.goto(workspacePath);
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(2);
});

test('a rebuttal in one article is linked to a finding in the other and the link is followed both ways', async ({
  page,
}) => {
  await page.goto(drivingPath);
  await tag(page, FINDING, '1');
  await page.goto(blamesPath);
  await tag(page, REBUTTAL, '3');

  const rebuttal = card(page, REBUTTAL);
  await rebuttal.getByRole('button', { name: 'Link to another annotation' }).click();
  await rebuttal.getByLabel('Link type').selectOption('rebuts');
  await rebuttal.getByLabel('Find the annotation to link to').fill('driving force');
  await rebuttal.getByRole('button', { name: /driving force/ }).click();
  const outgoing = rebuttal.getByRole('list', { name: 'Links' });
  await expect(outgoing).toContainText('Rebuts');

  await outgoing.getByRole('link', { name: /driving force/ }).click();
  await expect(page).toHaveURL(new RegExp(`${drivingPath}\\?annotation=`));
  const finding = card(page, FINDING);
  await expect(finding).toHaveClass(/border-accent-600/);
  await expect(finding.getByRole('list', { name: 'Links' })).toContainText('Rebutted by');

  await finding.getByRole('link', { name: new RegExp(REBUTTAL) }).click();
  await expect(page).toHaveURL(new RegExp(`${blamesPath}\\?annotation=`));
  await expect(card(page, REBUTTAL)).toHaveClass(/border-accent-600/);
});

test('the quote check flags the differing Inspector General sentence as a near match', async ({ page }) => {
  await page.goto(blamesPath);
  await tag(page, IG_QUOTE, '2');
  await page.goto(`${workspacePath}/quote-check`);
  const row = page.getByTestId('quote-check-row').filter({ hasText: 'single-minded focus' });
  await expect(row).toHaveAttribute('data-verdict', 'near');
  await expect(row).toContainText('Near match');
  const diff = row.getByTestId('quote-diff');
  const deleted = (await diff.locator('del').allTextContents()).join(' ');
  const inserted = (await diff.locator('ins').allTextContents()).join(' ');
  expect(deleted).toContain('appropriate consideration of the impact');
  expect(inserted).toContain('effective implementation of the policy');
});

test('the review exports as JSON-LD, CSV and a printable memo', async ({ page }) => {
  await page.goto(`${workspacePath}/export`);
  const [jsonld] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download JSON-LD' }).first().click(),
  ]);
  exportFile = test.info().outputPath('review.jsonld');
  await jsonld.saveAs(exportFile);
  const collection = JSON.parse(await readFile(exportFile, 'utf8'));
  expect(collection.type).toBe('AnnotationCollection');
  const items = collection.first.items as { motivation: string }[];
  expect(items.filter((item) => item.motivation === 'linking')).toHaveLength(1);
  expect(items.filter((item) => item.motivation !== 'linking' && item.motivation !== 'replying')).toHaveLength(3);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).first().click(),
  ]);
  const csvText = await readFile(await csv.path(), 'utf8');
  expect(csvText.split('\r\n')[0]).toContain('article,tag,quote,note,author,status');
  expect(csvText).toContain(REBUTTAL);

  await page.getByRole('link', { name: 'Open the review memo' }).first().click();
  await expect(page.getByRole('heading', { name: 'Findings' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Rebuttals' }).first()).toBeVisible();
  await expect(page.getByText(FINDING).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /Appendix/ })).toBeVisible();
  await expect(
    page.getByRole('link', { name: /This rebuttal rebuts → “officials were a “driving force”/ }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /← rebutted by “pushed blame onto Donald Trump”/ })).toBeVisible();
});

test('re-importing the JSON-LD into an empty workspace recreates the highlights on the same words', async ({
  page,
}) => {
  await createWorkspace(page, `Re-import ${Date.now()}`);
  await page.getByRole('link', { name: 'Import', exact: true }).first().click();
  await page.getByLabel('Export file (.jsonld or .json)').setInputFiles(exportFile);
  await page.getByRole('button', { name: 'Import annotations' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 articles, 3 annotations' })).toContainText(
    '1 link',
  );
  await page.getByRole('link', { name: 'See the articles' }).click();
  await page.getByRole('link', { name: /laying blame/ }).click();
  const editor = page.getByTestId('article-editor');
  await expect(editor.locator('mark[data-tag="rebuttal"]')).toHaveText(REBUTTAL);
  await expect(editor.locator('mark[data-tag="quote"]')).toHaveText(IG_QUOTE);
  await expect(card(page, REBUTTAL).getByRole('list', { name: 'Links' })).toContainText('Rebuts');
});
