import type { CaretBox } from './use-reading-cursor';

/** The keyboard reading cursor's caret, shown while the article has focus. */
export function ReadingCaret({ box }: { box: CaretBox | null }) {
  if (!box) return null;
  return (
    <span
      aria-hidden="true"
      data-testid="reading-caret"
      className="pointer-events-none absolute hidden w-0.5 rounded bg-accent-700 group-focus-within:block"
      style={{ top: box.top, left: box.left - 1, height: box.height }}
    />
  );
}
