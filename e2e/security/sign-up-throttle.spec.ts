import { expect, test } from '@playwright/test';
import { appOriginHeaders } from '../fixtures/api-session';
import { reportFigure } from '../fixtures/figures';
import { newUser } from '../fixtures/users';

// Issue #11 item 8, against the production build: 20 concurrent sign-ups of one email address. The
// per-address limit (3 an hour) is taken atomically in Postgres before any password is hashed, so
// exactly 3 get through and the rest are refused with 429, however they interleave. (The per-client
// limit is raised for the e2e server, whose suite all comes from 127.0.0.1; the integration test
// tests/integration/sign-up.test.ts checks it.)
const ATTEMPTS = 20;
const ALLOWED = 3;

test('concurrent sign-ups of one address: all past the limit refused before hashing', async ({
  playwright,
  baseURL,
}) => {
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: appOriginHeaders(baseURL!) });
  const user = newUser('flood');
  const statuses = await Promise.all(
    Array.from({ length: ATTEMPTS }, (_, i) =>
      client.post('/api/signup', { data: { ...user, name: `Flood ${i}` } }).then((response) => response.status()),
    ),
  );
  await client.dispose();
  const refused = statuses.filter((status) => status === 429).length;
  reportFigure('sign-up refusals', `${refused}/${ATTEMPTS - ALLOWED} over limit (one address, ${ATTEMPTS} at once)`);
  expect(statuses.filter((status) => status === 202)).toHaveLength(ALLOWED);
  expect(refused).toBe(ATTEMPTS - ALLOWED);
});
