'use client';

import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { COMMENT_MAX_LENGTH } from '@/lib/validation/comment-limits';
import type { CommentView } from '@/lib/domain/comments/comment-view';
import { CommentText } from './comment-text';
import { MentionTextarea, mentionedIds, type Member } from './mention-textarea';
import { DATE_TIME } from '@/lib/format/dates';

type Props = {
  annotationId: string;
  currentUserId: string;
  canComment: boolean;
  status: 'open' | 'resolved';
  mayResolve: boolean;
  onStatusChange: (status: 'open' | 'resolved') => Promise<boolean>;
  members: Member[];
  /** Changes when someone else changed this thread: the comments are read again. */
  refreshKey: number;
};

async function request<T>(
  url: string,
  init: RequestInit,
): Promise<{ ok: true; value: T } | { ok: false; status: number; message: string }> {
  const response = await fetch(url, {
    ...init,
    headers: init.body ? { 'content-type': 'application/json' } : undefined,
  }).catch(() => null);
  if (!response) return { ok: false, status: 0, message: 'We could not reach the server. Check your connection.' };
  if (response.ok) return { ok: true, value: (response.status === 204 ? undefined : await response.json()) as T };
  const json = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return {
    ok: false,
    status: response.status,
    message: json?.error?.message ?? `The server answered ${response.status}.`,
  };
}

export function AnnotationThread({
  refreshKey,
  members,
  annotationId,
  currentUserId,
  canComment,
  status,
  mayResolve,
  onStatusChange,
}: Props) {
  const [comments, setComments] = useState<CommentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  // Where focus goes once the list re-renders: a button that was pressed may be gone by then.
  const [focusNext, setFocusNext] = useState<{ to: 'reply' } | { to: 'edit'; commentId: string } | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const section = sectionRef.current;
    if (!focusNext || !section) return;
    const target =
      focusNext.to === 'edit'
        ? section.querySelector<HTMLElement>(`[data-comment="${CSS.escape(focusNext.commentId)}"] [data-edit-comment]`)
        : section.querySelector<HTMLElement>('form textarea');
    (target ?? section).focus();
    setFocusNext(null);
  }, [focusNext]);
  const stopEditing = (commentId: string) => {
    setEditing(null);
    setFocusNext({ to: 'edit', commentId });
  };

  const load = useCallback(async () => {
    const result = await request<{ comments: CommentView[] }>(`/api/annotations/${annotationId}/comments`, {
      method: 'GET',
    });
    if (result.ok) setComments(result.value.comments);
    else setError(result.message);
  }, [annotationId]);

  useEffect(() => {
    let cancelled = false;
    request<{ comments: CommentView[] }>(`/api/annotations/${annotationId}/comments`, { method: 'GET' }).then(
      (result) => {
        if (cancelled) return;
        if (result.ok) setComments(result.value.comments);
        else setError(result.message);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [annotationId, refreshKey]);

  async function reply(event: FormEvent) {
    event.preventDefault();
    const submitted = draft;
    const result = await request<CommentView>(`/api/annotations/${annotationId}/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: submitted, mentions: mentionedIds(submitted, members) }),
    });
    if (!result.ok) return setError(result.message);
    // Keep anything typed while this reply was being sent.
    setDraft((current) => (current === submitted ? '' : current));
    setError(null);
    setComments((list) => [...(list ?? []), result.value]);
    setFocusNext({ to: 'reply' });
  }

  async function saveEdit(comment: CommentView) {
    if (!editing) return;
    const result = await request<CommentView>(`/api/comments/${comment.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ body: editing.body, version: comment.version }),
    });
    if (!result.ok) {
      setError(result.message);
      if (result.status === 409) await load();
      return;
    }
    stopEditing(comment.id);
    setError(null);
    setComments((list) => list?.map((c) => (c.id === comment.id ? result.value : c)) ?? null);
  }

  async function remove(comment: CommentView) {
    const result = await request<void>(`/api/comments/${comment.id}`, { method: 'DELETE' });
    if (!result.ok) return setError(result.message);
    await load();
    setFocusNext({ to: 'reply' });
  }

  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      aria-label="Discussion"
      className="mt-2 space-y-2 border-t border-stone-100 pt-2"
    >
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {comments === null ? (
        <p className="text-xs text-stone-500">Loading the discussion…</p>
      ) : comments.length === 0 ? (
        <p className="text-xs text-stone-500">No comments yet.</p>
      ) : (
        <ol className="space-y-2" aria-label="Comments">
          {comments.map((comment) => (
            <li key={comment.id} data-comment={comment.id} className="rounded-md bg-stone-50 px-2 py-1.5 text-sm">
              <p className="text-xs text-stone-500">
                <span className="font-medium text-stone-700">{comment.author?.name ?? 'Former member'}</span> ·{' '}
                <time dateTime={comment.createdAt}>{DATE_TIME.format(new Date(comment.createdAt))}</time>
                {comment.editedAt && !comment.deletedAt ? ' · edited' : null}
              </p>
              {comment.deletedAt ? (
                <p className="italic text-stone-500">Comment deleted</p>
              ) : editing?.id === comment.id ? (
                <div className="mt-1 space-y-1">
                  <textarea
                    aria-label="Edit comment"
                    autoFocus
                    value={editing.body}
                    onKeyDown={(event) => {
                      if (event.key !== 'Escape') return;
                      event.preventDefault();
                      stopEditing(comment.id);
                    }}
                    maxLength={COMMENT_MAX_LENGTH}
                    onChange={(event) => setEditing({ id: comment.id, body: event.target.value })}
                    className="block w-full rounded border border-stone-300 px-2 py-1 text-sm"
                    rows={3}
                  />
                  <div className="flex gap-2 text-xs">
                    <button
                      type="button"
                      onClick={() => void saveEdit(comment)}
                      className="rounded bg-accent-700 px-2 py-0.5 font-medium text-white"
                    >
                      Save
                    </button>
                    <button type="button" onClick={() => stopEditing(comment.id)} className="text-stone-600">
                      Cancel
                    </button>
                  </div>
                </div>
              ) : (
                <CommentText text={comment.body} />
              )}
              {comment.mayChange && editing?.id !== comment.id ? (
                <div className="mt-1 flex gap-3 text-xs">
                  <button
                    type="button"
                    onClick={() => setEditing({ id: comment.id, body: comment.body })}
                    data-edit-comment
                    className="text-stone-600 hover:underline"
                  >
                    Edit
                  </button>
                  <button type="button" onClick={() => void remove(comment)} className="text-red-700 hover:underline">
                    Delete comment
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canComment ? (
        <form onSubmit={reply} className="space-y-1">
          <MentionTextarea
            label="Reply"
            value={draft}
            maxLength={COMMENT_MAX_LENGTH}
            onChange={setDraft}
            members={members.filter((member) => member.id !== currentUserId)}
            placeholder={comments?.length ? 'Reply… (@ to mention)' : 'Start the discussion… (@ to mention)'}
          />
          <div className="flex items-center gap-2">
            <button
              type="submit"
              disabled={!draft.trim()}
              className="rounded bg-accent-700 px-2.5 py-1 text-xs font-medium text-white disabled:bg-stone-400"
            >
              {comments?.length ? 'Reply' : 'Comment'}
            </button>
            {mayResolve ? (
              <button
                type="button"
                onClick={() => void onStatusChange(status === 'resolved' ? 'open' : 'resolved')}
                className="ml-auto rounded px-2 py-1 text-xs font-medium text-stone-700 hover:bg-stone-100"
              >
                {status === 'resolved' ? 'Reopen' : 'Resolve'}
              </button>
            ) : null}
          </div>
        </form>
      ) : mayResolve ? (
        <button
          type="button"
          onClick={() => void onStatusChange(status === 'resolved' ? 'open' : 'resolved')}
          className="text-xs font-medium text-stone-700"
        >
          {status === 'resolved' ? 'Reopen' : 'Resolve'}
        </button>
      ) : null}
    </section>
  );
}
