import { expect, test } from '@playwright/test';
import { appOriginHeaders } from '../fixtures/api-session';
import { DEMO, signIn } from '../fixtures/users';
import { SANDBOX_WORKSPACE } from '../fixtures/workspaces';

test('the annotation API refuses invalid bodies with 422 and a message, and creates valid ones', async ({ page }) => {
  await signIn(page, DEMO);
  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}`);
  const href = await page.getByRole('link', { name: /Driving Force/ }).getAttribute('href');
  const articleId = href!.split('/').at(-1)!;
  const article = await (await page.request.get(`/api/articles/${articleId}`)).json();
  const start = article.text.indexOf('deeply concerned');
  const annotation = (body: unknown[], selector: unknown[]) => ({ type: 'Annotation', body, target: { selector } });
  const tag = (value: string) => ({ type: 'TextualBody', purpose: 'tagging', value });
  const position = (s: number, e: number) => ({ type: 'TextPositionSelector', start: s, end: e });
  const url = `/api/articles/${articleId}/annotations`;

  const cases: [string, unknown, RegExp][] = [
    ['unknown tag', annotation([tag('opinion')], [position(start, start + 16)]), /tag must be one of/],
    [
      'selector outside the text',
      annotation([tag('finding')], [position(article.text.length - 3, article.text.length + 10)]),
      /not a range inside the text/,
    ],
    [
      'quote not at that position',
      annotation([tag('quote')], [{ type: 'TextQuoteSelector', exact: 'deeply worried' }, position(start, start + 14)]),
      /does not match the text at that position/,
    ],
    [
      'oversized note',
      annotation(
        [tag('finding'), { type: 'TextualBody', purpose: 'commenting', value: 'x'.repeat(2_001) }],
        [position(start, start + 16)],
      ),
      /under 2000 characters/,
    ],
  ];
  for (const [label, data, message] of cases) {
    const response = await page.request.post(url, { data, headers: appOriginHeaders() });
    expect(response.status(), label).toBe(422);
    expect((await response.json()).error.message, label).toMatch(message);
  }
  const before = (await (await page.request.get(url)).json()).total;
  const created = await page.request.post(url, {
    headers: appOriginHeaders(),
    data: annotation(
      [tag('finding')],
      [{ type: 'TextQuoteSelector', exact: 'deeply concerned' }, position(start, start + 16)],
    ),
  });
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body).toMatchObject({
    type: 'Annotation',
    anchorState: 'exact',
    target: { selector: [{ exact: 'deeply concerned' }, { start }] },
  });
  expect(created.headers()['location']).toBe(body.id);
  expect((await (await page.request.get(url)).json()).total).toBe(before + 1);
  expect((await page.request.delete(new URL(body.id).pathname, { headers: appOriginHeaders() })).status()).toBe(204);
});
