'use client';

import { Alert } from '@/components/ui/alert';
import type { Message } from './use-annotation-actions';

type Props = {
  newRevision: boolean;
  message: Message | null;
  canAnnotate: boolean;
  reviewing: boolean;
  /** Describes the article region's keys to assistive technology. */
  hintId: string;
};

/** Above the text: a newer revision to load, the last action's outcome, and how to tag. */
export function ReviewNotices({ newRevision, message, canAnnotate, reviewing, hintId }: Props) {
  return (
    <>
      {newRevision ? (
        <div className="mb-3">
          <Alert tone="info">
            Someone saved a new revision of this article.{' '}
            <button type="button" className="font-medium underline" onClick={() => window.location.reload()}>
              Load it
            </button>
          </Alert>
        </div>
      ) : null}
      <div aria-live="polite" className="mb-3 empty:hidden">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
      {!canAnnotate ? (
        <p id={hintId} className="mb-4 text-sm text-stone-500">
          You can read and filter annotations. Ask an owner for the reviewer role to annotate. Keyboard: j and k go
          through the annotations, Enter opens one; press ? for all shortcuts.
        </p>
      ) : reviewing ? (
        <p id={hintId} className="mb-4 text-sm text-stone-500">
          Select text to tag it. Keyboard: in the article, the arrow keys move a cursor (Shift selects), s selects a
          sentence, then press 1, 2 or 3; press ? for all shortcuts.
        </p>
      ) : null}
    </>
  );
}
