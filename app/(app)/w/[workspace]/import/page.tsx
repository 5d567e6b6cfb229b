import type { Metadata } from 'next';
import { WorkspacePage } from '@/components/workspace/workspace-page';
import { ImportArticleForm } from '@/components/import/import-article-form';
import { ImportAnnotationsForm } from '@/components/import/import-annotations-form';
import { Alert } from '@/components/ui/alert';
import { can } from '@/lib/domain/permissions/permissions';
import { requirePageUser } from '@/server/auth/session';
import { getMemberWorkspace } from '@/server/data/workspaces/get-member-workspace';
import { orNotFound } from '@/server/pages/or-not-found';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const user = await requirePageUser(`/w/${slug}/import`);
  const workspace = await orNotFound(getMemberWorkspace({ userId: user.id, slug }));
  const allowed = can(workspace.role, 'article.create');
  return (
    <WorkspacePage slug={slug}>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Import into {workspace.name}</h1>
      {allowed ? (
        <div className="space-y-12">
          <section aria-labelledby="import-article-heading">
            <h2 id="import-article-heading" className="mb-4 text-lg font-semibold">
              An article
            </h2>
            <ImportArticleForm workspaceSlug={slug} />
          </section>
          <section aria-labelledby="import-annotations-heading">
            <h2 id="import-annotations-heading" className="mb-1 text-lg font-semibold">
              A Marginalia export (W3C Web Annotation JSON-LD)
            </h2>
            <p className="mb-4 text-sm text-stone-500">
              Recreates the exported articles and their annotations, replies and links in this workspace. Each
              annotation shows its original author and time beside you as its importer, and privileged notes stay
              privileged.
            </p>
            <ImportAnnotationsForm workspaceSlug={slug} />
          </section>
        </div>
      ) : (
        <Alert tone="info">
          Only editors and owners can import into this workspace. Ask an owner to change your role.
        </Alert>
      )}
    </WorkspacePage>
  );
}
