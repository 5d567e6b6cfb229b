// Pages whose work grows with what members write, fed the worst input of the report, each
// compared with the same page fed ordinary input of the same count, in the same run (so the
// bound is a ratio, whatever the machine's load): 15 comments of "http://a" and ~5,000 ")"
// mentioning someone (their inbox took 4.4 s), and 40 quotes of ~1,000 words (the Quote check
// took 6-7 s). Bound: the adversarial page costs at most BOUND times the ordinary one.
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test';
import { signedUpRequest } from '../fixtures/api-session';
import { reportFigure } from '../fixtures/figures';
import { confirmAddress } from '../fixtures/outbox';
import { newUser } from '../fixtures/users';

const BOUND = 5;
const baseURL = () => test.info().project.use.baseURL!;

async function member(playwright: PlaywrightWorkerArgs['playwright'], label: string) {
  const user = newUser(label);
  const request = await signedUpRequest(playwright, baseURL(), user);
  const { user: me } = (await (await request.get('/api/auth/session')).json()) as { user: { id: string } };
  return { request, id: me.id };
}

async function join(owner: APIRequestContext, slug: string, invitee: APIRequestContext, email: string) {
  const invitation = await owner.post(`/api/workspaces/${slug}/invitations`, { data: { email, role: 'reviewer' } });
  expect(invitation.status()).toBe(201);
  const token = ((await invitation.json()) as { url: string }).url.split('/invite/')[1]!;
  await confirmAddress(invitee, email); // invitations need a confirmed address
  expect((await invitee.post('/api/invitations/accept', { data: { token } })).status()).toBeLessThan(300);
}

/** Median of five loads of the page, after one warm-up. */
async function pageMs(request: APIRequestContext, url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    await response.body();
    if (i > 0) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2]!;
}

test('pages fed adversarial input stay within a bound of the same page fed ordinary input', async ({ playwright }) => {
  test.setTimeout(600_000);
  const owner = await member(playwright, 'adversary');
  const workspace = (await (await owner.request.post('/api/workspaces', { data: { name: 'Adversarial' } })).json()) as {
    slug: string;
  };
  const paragraph = Array.from({ length: 1_100 }, (_, i) => `word${i % 97} term${i % 13}`).join(' ');
  const createArticle = async (text: string) =>
    (
      (await (await owner.request.post(`/api/workspaces/${workspace.slug}/articles`, { data: { text } })).json()) as {
        id: string;
      }
    ).id;
  const quoted = await createArticle(`Quoted\n\n${paragraph}`);
  await createArticle(`Source\n\n${paragraph.replaceAll('term3 ', 'other ')}`);
  const annotate = (articleId: string, start: number, end: number) =>
    owner.request.post(`/api/articles/${articleId}/annotations`, {
      data: {
        body: { purpose: 'tagging', value: 'quote' },
        target: { selector: { type: 'TextPositionSelector', start, end } },
      },
    });

  // Inbox: one mentioned member gets the adversarial comments, another ordinary ones.
  const victim = await member(playwright, 'victim');
  const control = await member(playwright, 'control');
  const emailOf = async (request: APIRequestContext) =>
    ((await (await request.get('/api/auth/session')).json()) as { user: { email: string } }).user.email;
  await join(owner.request, workspace.slug, victim.request, await emailOf(victim.request));
  await join(owner.request, workspace.slug, control.request, await emailOf(control.request));
  const first = await annotate(quoted, 8, 20);
  const annotationId = ((await first.json()) as { id: string }).id.split('/').at(-1)!;
  for (let i = 0; i < 15; i++) {
    for (const [who, body] of [
      [victim.id, `http://a${')'.repeat(4_980)}`],
      [control.id, `See http://example.com/report (page ${i}).`],
    ] as const) {
      const response = await owner.request.post(`/api/annotations/${annotationId}/comments`, {
        data: { body, mentions: [who] },
      });
      expect(response.status()).toBe(201);
    }
  }

  // Quote check: 40 quotes of ~1,000 words in one workspace, 40 of a few words in another.
  const quoteStart = `Quoted\n\n`.length;
  for (let i = 0; i < 40; i++)
    expect((await annotate(quoted, quoteStart + i * 20, quoteStart + 7_000 + i * 20)).status()).toBe(201);
  const ordinary = (await (await owner.request.post('/api/workspaces', { data: { name: 'Ordinary' } })).json()) as {
    slug: string;
  };
  const ordinaryArticle = (
    (await (
      await owner.request.post(`/api/workspaces/${ordinary.slug}/articles`, {
        data: { text: `Quoted\n\n${paragraph}` },
      })
    ).json()) as { id: string }
  ).id;
  await owner.request.post(`/api/workspaces/${ordinary.slug}/articles`, {
    data: { text: `Source\n\n${paragraph.replaceAll('term3 ', 'other ')}` },
  });
  for (let i = 0; i < 40; i++)
    expect((await annotate(ordinaryArticle, quoteStart + i * 20, quoteStart + i * 20 + 60)).status()).toBe(201);

  const pages = [
    {
      name: 'inbox',
      adversarial: await pageMs(victim.request, '/inbox'),
      ordinary: await pageMs(control.request, '/inbox'),
    },
    {
      name: 'quote check',
      adversarial: await pageMs(owner.request, `/w/${workspace.slug}/quote-check`),
      ordinary: await pageMs(owner.request, `/w/${ordinary.slug}/quote-check`),
    },
  ];
  for (const request of [owner.request, victim.request, control.request]) await request.dispose();
  const within = pages.filter((page) => page.adversarial <= BOUND * page.ordinary);
  reportFigure(
    'adversarial-input pages under their bound',
    `${within.length}/${pages.length} (${pages
      .map((p) => `${p.name} ${p.adversarial.toFixed(0)} ms = ${(p.adversarial / p.ordinary).toFixed(1)}x ordinary`)
      .join(', ')}; bound ${BOUND}x)`,
  );
  expect(within.map((page) => page.name)).toEqual(pages.map((page) => page.name));
});
