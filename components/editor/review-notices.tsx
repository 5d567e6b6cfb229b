'use client';

import { Alert } from '@/components/ui/alert';
import type { Message } from './use-annotation-actions';

type Props = { newRevision: boolean; message: Message | null; canAnnotate: boolean; reviewing: boolean };

/** Above the text: a newer revision to load, the last action's outcome, and how to tag. */
export function ReviewNotices({ newRevision, message, canAnnotate, reviewing }: Props) {
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
        <p className="mb-4 text-sm text-stone-500">
          You can read and filter annotations. Ask an owner for the reviewer role to annotate.
        </p>
      ) : reviewing ? (
        <p className="mb-4 text-sm text-stone-500">
          Select text to tag it. Keyboard: select with caret browsing (F7), then press 1, 2 or 3.
        </p>
      ) : null}
    </>
  );
}
