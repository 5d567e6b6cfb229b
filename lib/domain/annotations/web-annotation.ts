// The Web Annotation format lives in lib/domain/web-annotation/; these names stay importable
// from here for the code that already uses them.
export { ANNO_CONTEXT } from '../web-annotation/vocabulary';
export { resourceUrls, type ResourceUrls } from '../web-annotation/iris';
export { toWebAnnotation, type AnnotationRecord, type WebAnnotation } from '../web-annotation/serialize';
