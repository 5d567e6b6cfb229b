// The sign-in "return to" parameter, over HTTP and in the browser: every shape of the
// open-redirect corpus is refused on both paths out of /signin (the redirect a signed-in visit
// gets, and where the form goes after signing in), and none of them is a 500.
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test';
import { appOriginHeaders, signedInRequest } from '../fixtures/api-session';
import { reportFigure } from '../fixtures/figures';
import { EVIL, OPEN_REDIRECT_CORPUS, SAFE_CALLBACKS } from '../fixtures/open-redirect-corpus';
import { newUser } from '../fixtures/users';

const baseURL = () => test.info().project.use.baseURL!;
const signInUrl = (value: string) => `/signin?callbackUrl=${encodeURIComponent(value)}`;

/** Shapes also walked through a real sign-in in the browser (each is a full sign-in). */
const IN_BROWSER = [
  `/\t/${EVIL}/phish`,
  `//${EVIL}`,
  `/\\${EVIL}`,
  `/.//${EVIL}`,
  `https://${EVIL}`,
  `/\u3000/${EVIL}`,
  '/w/demo\r\nSet-Cookie: a=b',
];

async function signedUpUser(playwright: PlaywrightWorkerArgs['playwright']) {
  const user = newUser('redirect');
  const anonymous = await playwright.request.newContext({ baseURL: baseURL(), extraHTTPHeaders: appOriginHeaders() });
  expect((await anonymous.post('/api/signup', { data: user })).status()).toBe(202);
  await anonymous.dispose();
  return user;
}

async function locationOf(request: APIRequestContext, value: string) {
  const response = await request.get(signInUrl(value), { maxRedirects: 0 });
  return { status: response.status(), location: response.headers()['location'] ?? null };
}

test('a signed-in visit to /signin redirects only to a path of the app, for every corpus shape', async ({
  playwright,
}) => {
  // ~70 page requests: a hang detector sized for a loaded two-core machine, not a speed target.
  test.setTimeout(300_000);
  const request = await signedInRequest(playwright, baseURL(), await signedUpUser(playwright));
  const origin = new URL(baseURL()).origin;
  const escaped: string[] = [];
  try {
    for (const value of OPEN_REDIRECT_CORPUS) {
      const { status, location } = await locationOf(request, value);
      const target = location === null ? null : new URL(location, baseURL());
      if (status !== 307 || !target || target.origin !== origin || target.pathname !== '/')
        escaped.push(`${JSON.stringify(value)} -> ${status} ${JSON.stringify(location)}`);
    }
    for (const value of SAFE_CALLBACKS) {
      const { status, location } = await locationOf(request, value);
      expect(status, value).toBe(307);
      expect(new URL(location!, baseURL()).href, value).toBe(new URL(value, baseURL()).href);
    }
  } finally {
    await request.dispose();
  }
  reportFigure(
    'redirect corpus refused (signed-in redirect)',
    `${OPEN_REDIRECT_CORPUS.length - escaped.length}/${OPEN_REDIRECT_CORPUS.length}`,
  );
  expect(escaped).toEqual([]);
});

test('the sign-in form is never handed a corpus shape to go to after signing in', async ({ request }) => {
  test.setTimeout(300_000);
  // The page passes its cleaned value to the form, which also links to sign-up with it: a
  // refused value leaves the plain "/signup" link, and the form the fallback "/".
  const passed: string[] = [];
  for (const value of OPEN_REDIRECT_CORPUS) {
    const response = await request.get(signInUrl(value));
    const html = await response.text();
    if (response.status() !== 200 || !html.includes('href="/signup"'))
      passed.push(`${JSON.stringify(value)} -> ${response.status()}`);
  }
  reportFigure(
    'redirect corpus refused (sign-in form)',
    `${OPEN_REDIRECT_CORPUS.length - passed.length}/${OPEN_REDIRECT_CORPUS.length}`,
  );
  expect(passed).toEqual([]);
});

test('signing in from a hostile callbackUrl lands on the app, in the browser', async ({ browser, playwright }) => {
  test.setTimeout(300_000);
  const user = await signedUpUser(playwright);
  const origin = new URL(baseURL()).origin;
  for (const value of IN_BROWSER) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const left: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest() && new URL(request.url()).origin !== origin) left.push(request.url());
    });
    await page.goto(signInUrl(value));
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page, JSON.stringify(value)).not.toHaveURL(/\/signin/);
    expect(new URL(page.url()).origin, JSON.stringify(value)).toBe(origin);
    expect(left, JSON.stringify(value)).toEqual([]);
    await context.close();
  }
});
