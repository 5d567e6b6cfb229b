// Browser-side calls to the annotation API, returning views or a message to show.
import { webAnnotationToView, type AnnotationView } from '@/lib/domain/annotations/annotation-view';
import type { Tag } from '@/lib/domain/annotations/tags';
import type { AnnotationPatch } from './annotation-patch';
import type { WebAnnotation } from '@/lib/domain/annotations/web-annotation';
import { ANNO_CONTEXT } from '@/lib/domain/web-annotation/vocabulary';
import { PAGE_SIZE } from '@/lib/domain/web-annotation/paging';
import { callApi } from '@/components/ui/api-client';

export type { ApiResult } from '@/components/ui/api-client';

const call = callApi;

const asView = async (response: Response) => webAnnotationToView((await response.json()) as WebAnnotation);

export function createAnnotation(
  articleId: string,
  input: { tag: Tag; note: string | null; start: number; end: number; exact: string; revisionId?: string },
) {
  const body: { type: 'TextualBody'; purpose: string; value: string }[] = [
    { type: 'TextualBody', purpose: 'tagging', value: input.tag },
  ];
  if (input.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: input.note });
  return call(
    `/api/articles/${articleId}/annotations`,
    {
      method: 'POST',
      body: JSON.stringify({
        '@context': ANNO_CONTEXT,
        type: 'Annotation',
        // The revision the selection was made on: a page behind is carried over by the server.
        revision: input.revisionId,
        body,
        target: {
          selector: [
            { type: 'TextQuoteSelector', exact: input.exact },
            { type: 'TextPositionSelector', start: input.start, end: input.end },
          ],
        },
      }),
    },
    asView,
  );
}

export function updateAnnotation(id: string, patch: AnnotationPatch & { version: number }) {
  return call(`/api/annotations/${id}`, { method: 'PATCH', body: JSON.stringify(patch) }, asView);
}

/** Marks the annotation privileged on `basis`, or withdraws the privilege (`null`). */
export function setPrivilege(id: string, basis: string | null, version: number) {
  return call(
    `/api/annotations/${id}/privilege`,
    {
      method: basis === null ? 'DELETE' : 'PUT',
      body: JSON.stringify(basis === null ? { version } : { basis, version }),
    },
    asView,
  );
}

export function getAnnotation(id: string) {
  return call(`/api/annotations/${id}`, { method: 'GET' }, asView);
}

export function deleteAnnotation(id: string) {
  return call(`/api/annotations/${id}`, { method: 'DELETE' }, async () => undefined);
}

type Page = { items: WebAnnotation[]; next?: string };

/** Every annotation of the article: the container's pages, followed to the last. */
export function listAnnotations(articleId: string) {
  return call(`/api/articles/${articleId}/annotations/?limit=${PAGE_SIZE.max}`, { method: 'GET' }, async (response) => {
    const container = (await response.json()) as { first?: Page };
    const items = [...(container.first?.items ?? [])];
    for (let next = container.first?.next; next;) {
      const page = await fetch(new URL(next).pathname + new URL(next).search);
      if (!page.ok) throw new Error(`Loading annotations failed (${page.status}).`);
      const body = (await page.json()) as Page;
      items.push(...body.items);
      next = body.next;
    }
    return items.map(webAnnotationToView);
  });
}

export function saveRevision(articleId: string, input: { doc: unknown; baseRevisionId: string }) {
  return call(
    `/api/articles/${articleId}`,
    { method: 'PUT', body: JSON.stringify(input) },
    async (response) =>
      (await response.json()) as { revisionId: string; revisionNumber: number; text: string; created: boolean },
  );
}

export type { AnnotationView };
