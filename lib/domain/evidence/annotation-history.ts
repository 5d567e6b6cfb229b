// An annotation's own trail, read from the audit log: created, tag and note changes, verdicts,
// assignments, thread status, re-confirmations, re-anchors and the revisions that changed or
// removed its words, with the words before and after where the words moved.
import { TAG_LABELS, isTag } from '../annotations/tags';

export type HistoryEvent = {
  id: string;
  at: Date;
  actorName: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type HistoryEntry = {
  id: string;
  at: string;
  actorName: string | null;
  text: string;
  wordsBefore: string | null;
  wordsAfter: string | null;
  /** For entries made by a revision: its number, to link to it. */
  revisionNumber: number | null;
};

const str = (value: unknown) => (typeof value === 'string' ? value : null);
const tagName = (value: unknown) =>
  isTag(String(value)) ? TAG_LABELS[value as keyof typeof TAG_LABELS] : String(value);

function describe(event: HistoryEvent, annotationId: string): Omit<HistoryEntry, 'id' | 'at' | 'actorName'> {
  const { before, after } = event;
  const none = { wordsBefore: null, wordsAfter: null, revisionNumber: null };
  switch (event.action) {
    case 'annotation.created':
      return {
        ...none,
        text: `tagged “${str(after?.taggedQuote) ?? str(after?.quote) ?? ''}” as ${tagName(after?.tag)}`,
      };
    case 'annotation.imported':
      return { ...none, text: 'imported it' };
    case 'annotation.reviewed':
      return { ...none, text: `marked it ${String(after?.reviewStatus)}` };
    case 'annotation.assigned':
      return { ...none, text: after?.assigneeId ? 'assigned it' : 'unassigned it' };
    case 'annotation.resolved':
      return { ...none, text: 'resolved the thread' };
    case 'annotation.reopened':
      return { ...none, text: 'reopened the thread' };
    case 'annotation.privileged':
      return { ...none, text: `marked it privileged (${str(after?.privilegeBasis) ?? 'no basis stated'})` };
    case 'annotation.unprivileged':
      return { ...none, text: 'withdrew its privilege' };
    case 'annotation.confirmed':
      return {
        ...none,
        text: 'confirmed it on the new words',
        wordsBefore: null,
        wordsAfter: str(after?.wordsAfter) ?? str(after?.quote),
      };
    case 'annotation.reanchored':
      return {
        ...none,
        text: 're-anchored it by hand',
        wordsBefore: str(before?.wordsBefore) ?? str(before?.quote),
        wordsAfter: str(after?.wordsAfter) ?? str(after?.quote),
      };
    case 'article.revised': {
      const number = typeof after?.number === 'number' ? after.number : null;
      const orphaned = Array.isArray(after?.orphaned) && after.orphaned.includes(annotationId);
      const change = Array.isArray(after?.wordChanges)
        ? (after.wordChanges as { id?: unknown; from?: unknown; to?: unknown }[]).find((c) => c.id === annotationId)
        : undefined;
      return {
        text: orphaned
          ? `saved revision ${number ?? '?'}, in which its words are gone`
          : `saved revision ${number ?? '?'}, which changed its words`,
        wordsBefore: str(change?.from),
        wordsAfter: str(change?.to),
        revisionNumber: number,
      };
    }
    default: {
      const changes: string[] = [];
      if (before?.tag !== after?.tag) changes.push(`the tag from ${tagName(before?.tag)} to ${tagName(after?.tag)}`);
      if (before?.note !== after?.note) changes.push(after?.note ? 'the note' : 'removed the note');
      return { ...none, text: changes.length ? `changed ${changes.join(' and ')}` : event.action.replace('.', ' ') };
    }
  }
}

export function annotationHistory(events: HistoryEvent[], annotationId: string): HistoryEntry[] {
  return events.map((event) => ({
    id: event.id,
    at: event.at.toISOString(),
    actorName: event.actorName,
    ...describe(event, annotationId),
  }));
}
