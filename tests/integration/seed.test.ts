import { describe, expect, it } from 'vitest';
import { DEMO_USER, DEMO_WORKSPACE, seedDemo } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import { countRows } from './helpers';

describe('seedDemo', () => {
  it('creates the demo owner, workspace and both articles, and a second run adds nothing', async () => {
    const first = await seedDemo(db());
    const afterFirst = await countRows();
    const second = await seedDemo(db());
    expect(await countRows()).toEqual(afterFirst);
    expect(second.articles.map((article) => article.id)).toEqual(first.articles.map((article) => article.id));
    expect(second.articles.every((article) => !article.created)).toBe(true);

    const workspace = await db().workspace.findUniqueOrThrow({
      where: { slug: DEMO_WORKSPACE.slug },
      include: {
        memberships: { include: { user: { select: { email: true } } } },
        articles: { include: { revisions: true } },
      },
    });
    expect(workspace.memberships).toEqual([
      expect.objectContaining({ role: 'owner', user: { email: DEMO_USER.email } }),
    ]);
    expect(workspace.articles.map((article) => article.title).sort()).toEqual([
      'DOJ IG: Jeff Sessions and Rod Rosenstein Were “Driving Force” Behind Trump’s Child Separation',
      'The Department of Justice Inspector General released a report laying blame for…',
    ]);
    for (const article of workspace.articles) {
      expect(article.revisions).toHaveLength(1);
      expect(article.revisions[0]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    const drivingForce = workspace.articles.find((article) => article.title.startsWith('DOJ IG'));
    expect(drivingForce?.revisions[0]?.text).toContain(
      '“We need to take away children,” Sessions told the prosecutors',
    );
    expect(drivingForce?.revisions[0]?.text).not.toContain('Related News');
  });
});
