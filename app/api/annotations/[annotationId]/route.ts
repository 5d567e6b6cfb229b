// The annotation's older IRI: the same resource as /api/articles/{articleId}/annotations/{id},
// which every answer names as its `id`. Kept for clients written before the container.
export { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } from '../../articles/[articleId]/annotations/[annotationId]/route';
