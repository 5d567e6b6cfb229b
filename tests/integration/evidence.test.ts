// The words as tagged, kept through revisions (issue #12): property-style sequences of 2–6 random
// revisions through the real save path, then the sticky "changed", re-confirmation, re-anchoring
// by hand, stale-page tagging and the card's history.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { listArticleAnnotations } from '@/server/data/annotations/list-article-annotations';
import { updateAnnotation } from '@/server/data/annotations/update-annotation';
import { getMemberArticle } from '@/server/data/articles/get-member-article';
import { saveArticleRevision } from '@/server/data/articles/save-article-revision';
import { confirmEvidence, reanchorEvidence } from '@/server/data/evidence/confirm-evidence';
import { listAnnotationHistory } from '@/server/data/evidence/list-annotation-history';
import { workspaceWithMembers } from './helpers';

const CHILDREN = 'did not matter how young the children were';

async function setup() {
  const team = await workspaceWithMembers(['owner', 'editor', 'reviewer']);
  const owner = team.members.owner!.id;
  const articles = await seedArticles(db(), { workspaceId: team.workspace.id, authorId: owner });
  const articleId = articles.find((article) => article.title.startsWith('DOJ IG'))!.id;
  const article = await getMemberArticle({ userId: owner, articleId });
  const tag = async (phrase: string, userId = owner) => {
    const current = await getMemberArticle({ userId, articleId });
    const start = current.revision.text.indexOf(phrase);
    expect(start).toBeGreaterThanOrEqual(0);
    const { record } = await createAnnotation({
      userId,
      articleId,
      input: { tag: 'finding', note: null, position: { start, end: start + phrase.length }, exact: phrase },
    });
    return record;
  };
  const save = async (edit: (text: string) => string) => {
    const current = await getMemberArticle({ userId: owner, articleId });
    return saveArticleRevision({
      userId: owner,
      articleId,
      input: { baseRevisionId: current.revision.id, text: edit(current.revision.text) },
    });
  };
  const find = async (id: string) =>
    (await listArticleAnnotations({ userId: owner, articleId })).find((record) => record.id === id)!;
  return { team, owner, articleId, article, tag, save, find };
}

/** Edits that touch the tagged words, their context, or text far from them. */
const edits = (phrase: string) =>
  fc.oneof(
    fc.constant((text: string) => `A new opening paragraph.\n\n${text}`),
    fc.constant((text: string) => text.replace(phrase, phrase.replace('children', 'kids'))),
    fc.constant((text: string) => text.replace(phrase.replace('children', 'kids'), phrase)),
    fc.constant((text: string) => text.replace(phrase, `${phrase.split(' ').reverse().join(' ')}`)),
    fc.constant((text: string) => text.replace('Sessions', 'The attorney general')),
    fc.constant((text: string) => `${text}\n\nA closing line ${Math.random()}.`),
    fc.constant((text: string) => text.replace(`${phrase}`, `, we are told, ${phrase}`)),
  );

describe('evidence through revisions', () => {
  it('2–6 random revisions: the words as tagged never change, exact only on them, a change stays until confirmed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edits(CHILDREN), { minLength: 2, maxLength: 6 }), async (sequence) => {
        const { tag, save, find } = await setup();
        const tagged = await tag(CHILDREN);
        let everChanged = false;
        for (const edit of sequence) {
          await save(edit);
          const now = await find(tagged.id);
          expect(now.taggedExact).toBe(CHILDREN);
          expect(now.taggedRevisionId).toBe(tagged.revisionId);
          expect(now.taggedStart).toBe(tagged.posStart);
          if (now.anchorState === 'exact' || now.anchorState === 'moved') expect(now.quoteExact).toBe(CHILDREN);
          if (now.anchorState !== 'orphaned' && now.quoteExact !== CHILDREN) everChanged = true;
          if (everChanged) expect(['changed', 'orphaned']).toContain(now.anchorState);
        }
      }),
      { numRuns: 6 },
    );
  }, 180_000);

  it('the top scenario: accepted, children → kids is changed and on earlier wording; an edit above leaves others exact', async () => {
    const { owner, tag, save, find } = await setup();
    const children = await tag(CHILDREN);
    const other = await tag('deeply concerned');
    await updateAnnotation({ userId: owner, annotationId: children.id, input: { reviewStatus: 'accepted' } });
    const second = await save((text) => text.replace(CHILDREN, CHILDREN.replace('children', 'kids')));
    expect(second.anchors).toMatchObject({ changed: 1, exact: 1 });
    const third = await save((text) => text.replace(/^([^\n]*?)(\S+)/, '$1just $2'));
    expect(third.anchors).toMatchObject({ changed: 1, exact: 1, moved: 0 });
    const changed = await find(children.id);
    expect(changed).toMatchObject({
      anchorState: 'changed',
      quoteExact: 'did not matter how young the kids were',
      taggedExact: CHILDREN,
      reviewStatus: 'accepted',
    });
    expect((await find(other.id)).anchorState).toBe('exact');

    // The history names the revision that changed the words, with both.
    const { entries } = await listAnnotationHistory({ userId: owner, annotationId: children.id });
    expect(entries.map((entry) => entry.text)).toEqual([
      `tagged “${CHILDREN}” as Finding`,
      'marked it accepted',
      'saved revision 2, which changed its words',
    ]);
    expect(entries[2]).toMatchObject({ wordsBefore: CHILDREN, wordsAfter: 'did not matter how young the kids were' });

    // Re-confirmed: exact again on the new words, which become the words as confirmed.
    const confirmed = await confirmEvidence({
      userId: owner,
      annotationId: children.id,
      input: { version: changed.version },
    });
    expect(confirmed).toMatchObject({
      anchorState: 'exact',
      confirmedExact: 'did not matter how young the kids were',
      taggedExact: CHILDREN,
    });
    await save((text) => `Another opening.\n\n${text}`);
    expect((await find(children.id)).anchorState).toBe('exact');
    const audit = await db().auditEvent.findFirst({ where: { objectId: children.id, action: 'annotation.confirmed' } });
    expect(audit?.actorId).toBe(owner);
  }, 60_000);

  it('only editors, owners and authors without a verdict may confirm; re-anchoring by hand rescues an orphan', async () => {
    const { team, owner, tag, save, find } = await setup();
    const reviewer = team.members.reviewer!.id;
    const own = await tag(CHILDREN, reviewer);
    await updateAnnotation({ userId: owner, annotationId: own.id, input: { reviewStatus: 'rejected' } });
    await save((text) => text.replace(CHILDREN, CHILDREN.replace('children', 'kids')));
    const changed = await find(own.id);
    await expect(
      confirmEvidence({ userId: reviewer, annotationId: own.id, input: { version: changed.version } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await save((text) => text.replace('did not matter how young the kids were', 'was of no account'));
    const orphan = await find(own.id);
    expect(orphan.anchorState).toBe('orphaned');
    const latest = await db().articleRevision.findFirstOrThrow({
      where: { articleId: orphan.articleId },
      orderBy: { number: 'desc' },
    });
    const start = latest.text.indexOf('was of no account');
    const moved = await reanchorEvidence({
      userId: owner,
      annotationId: own.id,
      input: { version: orphan.version, revisionId: latest.id, start, end: start + 17, exact: 'was of no account' },
    });
    expect(moved).toMatchObject({ anchorState: 'exact', quoteExact: 'was of no account', taggedExact: CHILDREN });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { objectId: own.id, action: 'annotation.reanchored' },
    });
    expect(event.before).toMatchObject({ wordsBefore: 'did not matter how young the kids were' });
    expect(event.after).toMatchObject({ wordsAfter: 'was of no account' });
  }, 60_000);

  it('a tag made on a page one revision behind lands on the latest revision; a vanished passage is a 409', async () => {
    const { owner, articleId, article, save } = await setup();
    const old = article.revision;
    const saved = await save((text) => `A new first paragraph.\n\n${text}`);
    const start = old.text.indexOf(CHILDREN);
    const { record } = await createAnnotation({
      userId: owner,
      articleId,
      input: {
        tag: 'quote',
        note: null,
        position: { start, end: start + CHILDREN.length },
        exact: CHILDREN,
        revisionId: old.id,
      },
    });
    expect(record).toMatchObject({ revisionId: saved.revision.id, taggedRevisionId: old.id, anchorState: 'exact' });
    expect(saved.revision.text.slice(record.posStart, record.posEnd)).toBe(CHILDREN);

    const gone = 'The prosecutors had told Sessions';
    const goneAt = saved.revision.text.indexOf(gone);
    const base = saved.revision;
    await save((text) => text.replace(/The prosecutors had told Sessions[^\n]*/, 'Something else entirely.'));
    await expect(
      createAnnotation({
        userId: owner,
        articleId,
        input: {
          tag: 'quote',
          note: null,
          position: { start: goneAt, end: goneAt + gone.length },
          exact: gone,
          revisionId: base.id,
        },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  }, 60_000);

  it('the database refuses to rewrite the words as tagged', async () => {
    const { tag, find } = await setup();
    const record = await tag(CHILDREN);
    await expect(
      db().annotation.update({ where: { id: record.id }, data: { taggedExact: 'rewritten' } }),
    ).rejects.toThrow();
    expect((await find(record.id)).taggedExact).toBe(CHILDREN);
  });
});
