import { afterAll, describe, expect, it } from 'vitest';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { removeMember } from '@/server/data/members/members';
import { createApiToken, revokeApiToken } from '@/server/data/tokens/api-tokens';
import { openArticleStream, type ArticleStreamOptions } from '@/server/live/open-article-stream';
import { reportFigure } from '@/e2e/fixtures/figures';
import { workspaceWithMembers } from './helpers';

type Message = { event: string; id?: string; data: string };

/** Reads a server-sent event stream in the background, keeping every message and when it closed. */
function readStream(stream: ReadableStream<Uint8Array>) {
  const messages: Message[] = [];
  const state = { closedAt: 0 };
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: Message = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(': ');
          if (field === 'event') message.event = rest.join(': ');
          else if (field === 'id') message.id = rest.join(': ');
          else if (field === 'data') message.data = rest.join(': ');
        }
        if (block.startsWith(':') || block.startsWith('retry')) continue;
        messages.push(message);
      }
    }
    state.closedAt = Date.now();
  })();
  const changes = () =>
    messages.filter((m) => m.event === 'change').map((m) => JSON.parse(m.data) as { id: string; objectId: string });
  const waitFor = async (predicate: () => boolean, timeoutMs = 10_000) => {
    const start = Date.now();
    while (!predicate()) {
      if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the stream');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return { messages, state, done, changes, waitFor, cancel: () => reader.cancel() };
}

async function team() {
  const { workspace, members } = await workspaceWithMembers(['owner', 'editor', 'reviewer']);
  const [article] = await seedArticles(db(), { workspaceId: workspace.id, authorId: members.owner!.id });
  const membershipOf = async (userId: string) =>
    (await db().membership.findFirstOrThrow({ where: { workspaceId: workspace.id, userId } })).id;
  const annotate = async () =>
    (
      await createAnnotation({
        userId: members.editor!.id,
        articleId: article!.id,
        input: { tag: 'finding', note: 'confidential note', position: { start: 0, end: 10 }, exact: null },
      })
    ).record.id;
  return {
    slug: workspace.slug,
    articleId: article!.id,
    owner: members.owner!.id,
    reviewer: { id: members.reviewer!.id, name: 'reviewer' },
    membershipOf,
    annotate,
  };
}

const open = async (options: Omit<ArticleStreamOptions, 'signal' | 'resumeFrom'> & { resumeFrom?: string | null }) => {
  const abort = new AbortController();
  const stream = readStream(await openArticleStream({ resumeFrom: null, signal: abort.signal, ...options }));
  await stream.waitFor(() => stream.messages.some((m) => m.event === 'ready'));
  return { ...stream, abort: () => abort.abort() };
};

const figures: { removal: number[]; revocation: number[] } = { removal: [], revocation: [] };

afterAll(() => {
  for (const [kind, latencies] of Object.entries(figures)) {
    const ended = latencies.filter((ms) => ms < 2_000).length;
    reportFigure(
      `streams ended after ${kind}`,
      `${ended}/${latencies.length}, worst latency ${Math.max(...latencies)} ms`,
    );
  }
});

/** Takes access away, writes once more at once, and checks the stream ended in time without it. */
async function expectEndedAfter(
  stream: Awaited<ReturnType<typeof open>>,
  kind: keyof typeof figures,
  annotate: () => Promise<string>,
  takeAway: () => Promise<unknown>,
) {
  await takeAway();
  const takenAt = Date.now();
  const after = await annotate();
  await stream.done;
  const latency = stream.state.closedAt - takenAt;
  figures[kind].push(latency);
  expect(latency).toBeLessThan(2_000);
  expect(stream.messages.at(-1)?.event).toBe('revoked');
  expect(stream.changes().map((event) => event.objectId)).not.toContain(after);
}

describe('live stream access', () => {
  it('ends an open stream within 2 s of the member’s removal, and sends nothing written after it', async () => {
    const { slug, articleId, owner, reviewer, membershipOf, annotate } = await team();
    const membershipId = await membershipOf(reviewer.id);
    const stream = await open({ user: reviewer, articleId });
    const before = await annotate();
    await stream.waitFor(() => stream.changes().some((event) => event.objectId === before));

    await expectEndedAfter(stream, 'removal', annotate, () => removeMember({ userId: owner, slug, membershipId }));
  });

  it('ends a stream opened with a personal token within 2 s of the token’s revocation', async () => {
    const { articleId, reviewer, annotate } = await team();
    const token = await createApiToken({ userId: reviewer.id, name: 'stream' });
    const stream = await open({ user: { ...reviewer, tokenId: token.id }, articleId });

    await expectEndedAfter(stream, 'revocation', annotate, () =>
      revokeApiToken({ userId: reviewer.id, tokenId: token.id }),
    );
  });

  it('re-checks access on the heartbeat too, and ends every stream at its lifetime so the client re-authorises', async () => {
    const { articleId, reviewer } = await team();
    const capped = await open({ user: reviewer, articleId, lifetimeMs: 300 });
    await capped.done;
    expect(capped.messages.map((m) => m.event)).not.toContain('revoked');

    // A membership deleted without an audit event (no notice) is still caught by the heartbeat.
    const beating = await open({ user: reviewer, articleId, heartbeatMs: 200 });
    await db().membership.deleteMany({ where: { userId: reviewer.id } });
    await beating.done;
    expect(beating.messages.at(-1)?.event).toBe('revoked');
  });

  it('starts a fresh connection at now, and gives opaque cursors rather than the global audit id', async () => {
    const { articleId, reviewer, annotate } = await team();
    const old = await annotate();
    const stream = await open({ user: reviewer, articleId });
    const fresh = await annotate();
    await stream.waitFor(() => stream.changes().some((event) => event.objectId === fresh));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.changes().map((event) => event.objectId)).toEqual([fresh]);
    const [event] = stream.changes();
    expect(event!.id).not.toMatch(/^\d+$/);
    expect(event!.id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    // A resume from that cursor sends what came after it (the reorder window may repeat
    // earlier ids, which the client skips), never events older than the window.
    const later = await annotate();
    const resumed = await open({ user: reviewer, articleId, resumeFrom: event!.id, once: true });
    await resumed.done;
    expect(resumed.changes().map((e) => e.objectId)).toContain(later);
    stream.abort();
    await stream.done;
    expect(old).not.toBe(fresh);
  });
});
