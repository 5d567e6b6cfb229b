// Browser-side calls for the evidence actions: re-confirm, re-anchor here, the card's history.
import { webAnnotationToView } from '@/lib/domain/annotations/annotation-view';
import type { WebAnnotation } from '@/lib/domain/annotations/web-annotation';
import type { HistoryEntry } from '@/lib/domain/evidence/annotation-history';
import { callApi } from '@/components/ui/api-client';

const asView = async (response: Response) => webAnnotationToView((await response.json()) as WebAnnotation);

export function confirmAnnotation(id: string, version: number) {
  return callApi(`/api/annotations/${id}/confirm`, { method: 'POST', body: JSON.stringify({ version }) }, asView);
}

export function reanchorAnnotation(
  id: string,
  input: { version: number; revisionId: string; start: number; end: number; exact: string },
) {
  return callApi(`/api/annotations/${id}/reanchor`, { method: 'POST', body: JSON.stringify(input) }, asView);
}

export function annotationHistory(id: string) {
  return callApi(
    `/api/annotations/${id}/history`,
    { method: 'GET' },
    async (response) => ((await response.json()) as { entries: HistoryEntry[] }).entries,
  );
}
