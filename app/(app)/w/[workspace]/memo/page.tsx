import type { Metadata } from 'next';
import Link from 'next/link';
import { PrintButton } from '@/components/memo/print-button';
import { ReviewMemoView } from '@/components/memo/review-memo-view';
import { requirePageUser } from '@/server/auth/session';
import { loadReviewMemo } from '@/server/data/export/load-review-memo';
import { orNotFound } from '@/server/pages/or-not-found';

export const metadata: Metadata = { title: 'Review memo' };

export default async function ReviewMemoPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspace: slug } = await params;
  const user = await requirePageUser(`/w/${slug}/memo`);
  const query = await searchParams;
  const article = query.article;
  const memo = await orNotFound(
    loadReviewMemo({
      userId: user.id,
      slug,
      articleId: typeof article === 'string' ? article : undefined,
      userName: user.name,
      includePrivileged: query.privileged === 'include',
    }),
  );
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 print:max-w-none print:p-0">
      <nav className="mb-6 flex items-center justify-between text-sm print:hidden">
        <Link href={`/w/${slug}/export`} className="text-stone-500 hover:text-stone-800">
          ← Export
        </Link>
        <PrintButton />
      </nav>
      <ReviewMemoView memo={memo} />
    </main>
  );
}
