'use client';

/** Who else has the article open, and whether live updates are flowing. */
export function PresenceBar({ viewers, connected }: { viewers: string[]; connected: boolean }) {
  return (
    <div className="mb-3 flex items-center gap-2 text-xs text-stone-500" data-testid="presence">
      <span
        aria-hidden
        className={`inline-block h-2 w-2 rounded-full ${connected ? 'bg-emerald-500' : 'bg-stone-300'}`}
        title={connected ? 'Live' : 'Reconnecting…'}
      />
      {!connected ? (
        <span>Reconnecting…</span>
      ) : viewers.length ? (
        <span>Also here: {viewers.join(', ')}</span>
      ) : (
        <span>Live</span>
      )}
    </div>
  );
}
