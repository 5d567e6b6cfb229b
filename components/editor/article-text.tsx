'use client';

import { useCallback, useEffect, useRef } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import type { BlockWindow } from '@/lib/domain/document/block-windows';
import { BlockWindowView } from './block-window';
import type { BlockWindowRegistry } from './block-window-registry';

type Props = {
  windows: readonly BlockWindow[];
  perWindow: AnnotationView[][];
  editable: boolean;
  registry: BlockWindowRegistry;
  /** Called once what is on screen is taggable (see HIGHLIGHTS_READY_MARK). */
  onReady: () => void;
};

/** A standard User Timing mark: benchmarks and RUM tools read time to taggable from it. */
export const HIGHLIGHTS_READY_MARK = 'marginalia:highlights-ready';

/**
 * The article as consecutive block windows. Marks HIGHLIGHTS_READY_MARK once every window that was
 * near the viewport on load has its editor and highlights: from then on what is on screen is taggable.
 */
export function ArticleText({ windows, perWindow, editable, registry, onReady: onTextReady }: Props) {
  const progress = useRef({ seen: 0, waiting: new Set<number>(), ready: new Set<number>(), marked: false });
  const count = windows.length;

  const check = useCallback(() => {
    const state = progress.current;
    if (state.marked || state.seen < count || [...state.waiting].some((index) => !state.ready.has(index))) return;
    state.marked = true;
    performance.mark(HIGHLIGHTS_READY_MARK, { detail: { windows: count, mounted: state.waiting.size } });
    onTextReady();
  }, [count, onTextReady]);

  const onSeen = useCallback(
    (index: number, near: boolean) => {
      progress.current.seen++;
      if (near) progress.current.waiting.add(index);
      check();
    },
    [check],
  );
  const onReady = useCallback(
    (index: number) => {
      progress.current.ready.add(index);
      check();
    },
    [check],
  );
  useEffect(check, [check]);

  return (
    <>
      {windows.map((window) => (
        <BlockWindowView
          key={window.index}
          window={window}
          count={count}
          annotations={perWindow[window.index]!}
          editable={editable}
          registry={registry}
          onSeen={onSeen}
          onReady={onReady}
        />
      ))}
    </>
  );
}
