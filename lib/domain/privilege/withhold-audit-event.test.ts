import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../audit/audit-event';
import { auditEventAnnotationIds, deletedWhilePrivileged, withholdAuditEvent } from './withhold-audit-event';

const secret = 'ann-secret';
const open = 'ann-open';
const snapshot = (privileged = false) => ({
  articleId: 'art-1',
  tag: 'finding',
  note: null,
  quote: 'words',
  start: 0,
  end: 5,
  anchorState: 'exact',
  status: 'open',
  reviewStatus: 'open',
  assigneeId: null,
  revisionId: 'rev-1',
  version: 1,
  privileged,
});
const withheld = new Set([secret]);
type Entry = AuditEvent & { objectId: string };

const created = (id: string): Entry => ({
  action: 'annotation.created',
  objectType: 'annotation',
  objectId: id,
  after: snapshot(),
});
const comment = (annotationId: string): Entry => ({
  action: 'comment.created',
  objectType: 'comment',
  objectId: 'comment-1',
  after: { annotationId, articleId: 'art-1', quote: 'words', body: 'privileged advice', mentions: [] },
});
const edited = (annotationId: string): Entry => ({
  action: 'comment.edited',
  objectType: 'comment',
  objectId: 'comment-1',
  before: { body: 'a', version: 1 },
  after: { annotationId, articleId: 'art-1', quote: 'words', body: 'b', version: 2 },
});
const link = (from: string, to: string): Entry => ({
  action: 'link.deleted',
  objectType: 'annotation_link',
  objectId: 'link-1',
  before: { type: 'supports', articleId: 'art-1', fromAnnotationId: from, toAnnotationId: to, toArticleId: 'art-2' },
});

describe('withholdAuditEvent', () => {
  it('leaves out entries about a withheld annotation, its thread and its links (either end)', () => {
    for (const event of [created(secret), comment(secret), edited(secret), link(open, secret), link(secret, open)])
      expect(withholdAuditEvent(event, withheld)).toBeNull();
  });

  it('keeps entries about other annotations as they are', () => {
    for (const event of [created(open), comment(open), link(open, 'ann-other')])
      expect(withholdAuditEvent(event, withheld)).toBe(event);
  });

  it('keeps everything when nothing is withheld', () => {
    const event = created(secret);
    expect(withholdAuditEvent(event, new Set())).toBe(event);
  });

  it('strips withheld annotations, and the counts that include them, from a revision entry', () => {
    const revised: Entry = {
      action: 'article.revised',
      objectType: 'article',
      objectId: 'art-1',
      before: { revisionId: 'rev-1', number: 1 },
      after: {
        revisionId: 'rev-2',
        number: 2,
        contentHash: 'h',
        anchors: { exact: 1, orphaned: 1, changed: 1 },
        orphaned: [secret],
        changed: [secret, open],
        wordChanges: [
          { id: secret, from: 'privileged words', to: 'new words' },
          { id: open, from: 'a', to: 'b' },
        ],
      },
    };
    const shown = withholdAuditEvent(revised, withheld);
    expect(shown?.action === 'article.revised' && shown.after).toEqual({
      revisionId: 'rev-2',
      number: 2,
      contentHash: 'h',
      anchors: {},
      orphaned: [],
      changed: [open],
      wordChanges: [{ id: open, from: 'a', to: 'b' }],
    });
    expect(JSON.stringify(shown)).not.toContain('privileged words');
  });
});

describe('auditEventAnnotationIds', () => {
  it('names no annotation for workspace entries', () => {
    const event: Entry = {
      action: 'article.renamed',
      objectType: 'article',
      objectId: 'art-1',
      before: { title: 'a' },
      after: { title: 'b' },
    };
    expect(auditEventAnnotationIds(event)).toEqual([]);
  });
});

describe('deletedWhilePrivileged', () => {
  it('reads the flag the deletion kept', () => {
    expect(deletedWhilePrivileged({ action: 'annotation.deleted', before: snapshot(true) })).toBe(true);
    expect(deletedWhilePrivileged({ action: 'annotation.deleted', before: snapshot(false) })).toBe(false);
    expect(deletedWhilePrivileged({ action: 'annotation.updated', before: snapshot(true) })).toBe(false);
  });
});
