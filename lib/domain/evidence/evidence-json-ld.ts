// The words as tagged in a Web Annotation, so another tool can tell what was tagged: a
// SpecificResource on the same source whose TextQuoteSelector is the original quote, with a
// TimeState whose `cached` is the revision it was made on (W3C Web Annotation Data Model §4.3,
// "the state of the resource when it was annotated"). Always present, beside the target (which
// follows the text); the words as confirmed and an import's origin ride along when there are any.
import type { AnnotationEvidenceFields } from './annotation-evidence';

export type EvidenceResource = {
  type: 'SpecificResource';
  source: string;
  state: { type: 'TimeState'; cached: string; sourceDate?: string };
  selector: [
    { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
    { type: 'TextPositionSelector'; start: number; end: number },
  ];
};

export type EvidenceProperties = {
  asTagged: EvidenceResource;
  asConfirmed?: { exact: string; prefix: string; suffix: string; confirmedAt: string; confirmedBy: string | null };
  importedFrom?: { creatorName: string | null; importedAt: string; importedBy: string | null };
};

type Urls = { article(id: string): string; user(id: string): string };

export function revisionUrl(articleUrl: string, revisionId: string): string {
  return `${articleUrl}/revisions/${revisionId}`;
}

export function evidenceProperties(
  record: AnnotationEvidenceFields & { articleId: string },
  urls: Urls,
): EvidenceProperties {
  const source = urls.article(record.articleId);
  return {
    asTagged: {
      type: 'SpecificResource',
      source,
      state: { type: 'TimeState', cached: revisionUrl(source, record.taggedRevisionId) },
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: record.taggedExact,
          prefix: record.taggedPrefix,
          suffix: record.taggedSuffix,
        },
        { type: 'TextPositionSelector', start: record.taggedStart, end: record.taggedEnd },
      ],
    },
    ...(record.confirmedExact !== null && record.confirmedAt
      ? {
          asConfirmed: {
            exact: record.confirmedExact,
            prefix: record.confirmedPrefix ?? '',
            suffix: record.confirmedSuffix ?? '',
            confirmedAt: record.confirmedAt.toISOString(),
            confirmedBy: record.confirmedById ? urls.user(record.confirmedById) : null,
          },
        }
      : {}),
    ...(record.importedAt
      ? {
          importedFrom: {
            creatorName: record.importedCreatorName,
            importedAt: record.importedAt.toISOString(),
            importedBy: record.importedById ? urls.user(record.importedById) : null,
          },
        }
      : {}),
  };
}

/** The last path segment of an IRI (our ids are the final segment). */
const lastSegment = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/** Reads our own JSON back (the browser gets annotations as Web Annotations). */
export function evidenceFromJson(
  properties: Partial<EvidenceProperties> & { revision: string },
  fallback: { exact: string; start: number; end: number },
) {
  const tagged = properties.asTagged;
  return {
    /** The revision the current anchor is on (a tag carried over from a stale page lands on the latest). */
    anchoredRevisionId: properties.revision,
    asTagged: tagged
      ? {
          exact: tagged.selector[0].exact,
          start: tagged.selector[1].start,
          end: tagged.selector[1].end,
          revisionId: lastSegment(tagged.state.cached),
        }
      : { exact: fallback.exact, start: fallback.start, end: fallback.end, revisionId: null },
    asConfirmed: properties.asConfirmed
      ? {
          exact: properties.asConfirmed.exact,
          at: properties.asConfirmed.confirmedAt,
          byId: properties.asConfirmed.confirmedBy ? lastSegment(properties.asConfirmed.confirmedBy) : null,
        }
      : null,
    imported: properties.importedFrom
      ? {
          creatorName: properties.importedFrom.creatorName,
          at: properties.importedFrom.importedAt,
          byId: properties.importedFrom.importedBy ? lastSegment(properties.importedFrom.importedBy) : null,
        }
      : null,
  };
}

export type ViewEvidence = ReturnType<typeof evidenceFromJson>;

/** The same, from a stored record (server-rendered pages). */
export function evidenceFromRecord(record: AnnotationEvidenceFields & { revisionId: string }): ViewEvidence {
  return {
    anchoredRevisionId: record.revisionId,
    asTagged: {
      exact: record.taggedExact,
      start: record.taggedStart,
      end: record.taggedEnd,
      revisionId: record.taggedRevisionId,
    },
    asConfirmed:
      record.confirmedExact !== null && record.confirmedAt
        ? { exact: record.confirmedExact, at: record.confirmedAt.toISOString(), byId: record.confirmedById }
        : null,
    imported: record.importedAt
      ? { creatorName: record.importedCreatorName, at: record.importedAt.toISOString(), byId: record.importedById }
      : null,
  };
}
