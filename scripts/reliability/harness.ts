// Shared by the reliability scripts: a seeded throw-away database, API tokens for a team,
// and small HTTP helpers. Every script prints its figures and exits non-zero on a violation.
import { ensureMembership, ensureUser, seedDemo } from '../../prisma/seed/seed-demo';
import { generateApiToken } from '../../server/auth/api-tokens';
import { createPrismaClient, type Db } from '../../server/db/prisma-client';

export type Member = { userId: string; token: string };

export async function seedTeam(database: Db, reviewers: number) {
  const { user, workspace, articles } = await seedDemo(database);
  const issue = async (userId: string): Promise<Member> => {
    const { token, tokenHash, prefix } = generateApiToken();
    await database.apiToken.create({ data: { userId, name: 'reliability', tokenHash, prefix } });
    return { userId, token };
  };
  const owner = await issue(user.id);
  const team: Member[] = [];
  for (let i = 0; i < reviewers; i++) {
    const reviewer = await ensureUser(database, {
      email: `reviewer-${i}@reliability.test`,
      password: 'reliability password',
      name: `Reviewer ${i}`,
    });
    await ensureMembership(database, { workspaceId: workspace.id, userId: reviewer.id, role: 'reviewer' });
    team.push(await issue(reviewer.id));
  }
  return { owner, team, workspace, articleIds: articles.map((article) => article.id) };
}

export async function call(
  origin: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  try {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: await response.json().catch(() => null) };
  } catch {
    return { status: 0, json: null };
  }
}

export function tally(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status === 0 ? 'no answer' : status}×${count}`)
    .join(', ');
}

export function check(failures: string[], ok: boolean, message: string) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
}

export function annotationBody(text: string, start: number, end: number, tag = 'finding') {
  return {
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: tag }],
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact: text.slice(start, end) },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  };
}

/** Word spans of a text, to annotate distinct passages. */
export function wordSpans(text: string): [number, number][] {
  return [...text.matchAll(/\S+/g)].map((match) => [match.index!, match.index! + match[0].length]);
}

export { createPrismaClient };
