// Look-alike names: two members of a workspace with the same name are told apart wherever
// their names are shown (comment authors, annotation cards, the member list and mentions).
import { describe, expect, it } from 'vitest';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { listArticleAnnotations } from '@/server/data/annotations/list-article-annotations';
import { createComment, listComments } from '@/server/data/comments/comments';
import { listMembers } from '@/server/data/members/members';
import { signUpUser } from '@/server/data/users/sign-up-user';
import { ZSignUp } from '@/lib/validation/auth';
import { workspaceWithMembers } from './helpers';

describe('members who share a name', () => {
  it('are shown with part of their email on comments, cards and the member list', async () => {
    const team = await workspaceWithMembers(['owner', 'editor', 'reviewer']);
    const { owner, editor, reviewer } = team.members as Record<string, { id: string }>;
    // The impersonation of the report: same visible name, one with a bidi control in it.
    await db().user.update({ where: { id: editor!.id }, data: { name: 'Rita Reviewer' } });
    await db().user.update({ where: { id: reviewer!.id }, data: { name: 'Rita\u00a0reviewer' } });
    const [article] = await seedArticles(db(), { workspaceId: team.workspace.id, authorId: owner!.id });
    const { record } = await createAnnotation({
      userId: reviewer!.id,
      articleId: article!.id,
      input: { tag: 'finding', note: null, position: { start: 0, end: 10 }, exact: null },
    });
    await createComment({ userId: editor!.id, annotationId: record.id, body: 'Agreed.' });
    await createComment({ userId: reviewer!.id, annotationId: record.id, body: 'Agreed too.' });

    const authors = (await listComments({ userId: owner!.id, annotationId: record.id })).map((c) => c.author!.name);
    expect(new Set(authors).size).toBe(2);
    for (const name of authors) expect(name).toMatch(/^Rita.reviewer \(.+@example\.test\)$/i);

    const { members } = await listMembers({ userId: owner!.id, slug: team.workspace.slug });
    const names = members.map((member) => member.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => name.includes('('))).toHaveLength(2);
    expect(names).toContain('owner');

    const [card] = await listArticleAnnotations({ userId: owner!.id, articleId: article!.id });
    expect(card!.author!.name).toBe(authors[1]);
  });

  it('cannot be given invisible characters at sign-up', async () => {
    const email = `rita-${Date.now()}@example.test`;
    const result = await signUpUser({
      ...ZSignUp.parse({ name: 'Rita\u202e Reviewer\u200b', email, password: 'integration-password' }),
      ip: '192.0.2.14',
    });
    expect(result.created).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email }, select: { name: true } });
    expect(user.name).toBe('Rita Reviewer');
  });
});
