// axe-core over every page a reviewer uses, on a desktop and a phone: 0 violations.
// One test per page and width, so a slow machine times out no test by adding pages up.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from '../fixtures/users';
import { DEMO_WORKSPACE } from '../../prisma/seed/demo-identity';

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

const PUBLIC_PAGES = ['/signin', '/signup'];
const MEMBER_PAGES = [
  ...['', '/import', '/export', '/search?q=children', '/quote-check', '/members', '/history', '/memo'].map(
    (path) => `/w/${DEMO_WORKSPACE.slug}${path}`,
  ),
  '/inbox',
  '/settings/tokens',
  '/workspaces/new',
];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

for (const size of WIDTHS) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: size });

    for (const path of PUBLIC_PAGES) {
      test(`${path} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        expect(await violations(page)).toEqual([]);
      });
    }

    for (const path of MEMBER_PAGES) {
      test(`${path} has no axe violations`, async ({ page }) => {
        await signIn(page, DEMO);
        await page.goto(path);
        expect(await violations(page)).toEqual([]);
      });
    }

    test('an article page has no axe violations', async ({ page }) => {
      await signIn(page, DEMO);
      await page.goto(`/w/${DEMO_WORKSPACE.slug}`);
      await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
      await expect(page.getByTestId('article-editor')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}
