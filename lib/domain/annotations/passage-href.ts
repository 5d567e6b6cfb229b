/** The article page scrolled to one annotation's passage (the page reads `?annotation=`). */
export function passageHref(workspaceSlug: string, articleId: string, annotationId: string): string {
  return `/w/${encodeURIComponent(workspaceSlug)}/articles/${encodeURIComponent(articleId)}?annotation=${encodeURIComponent(annotationId)}`;
}
