'use client';

import { lazy, memo, Suspense, useEffect, useRef, useState } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import type { BlockWindow as Window } from '@/lib/domain/document/block-windows';
import type { BlockWindowRegistry } from './block-window-registry';
import { StaticDoc } from './static-doc';

export type BlockWindowProps = {
  window: Window;
  count: number;
  /** Anchored annotations touching this window (same array while none of them changed). */
  annotations: AnnotationView[];
  editable: boolean;
  registry: BlockWindowRegistry;
  /** Told once whether the window was near the viewport when first seen, and once its highlights are drawn. */
  onSeen: (index: number, near: boolean) => void;
  onReady: (index: number) => void;
};

/** Mount editors this far outside the viewport, so a reader scrolling at a normal pace never sees plain text. */
const MOUNT_MARGIN = '1500px 0px';

// TipTap and ProseMirror are most of the page's JavaScript, and the server-rendered text needs none
// of it to be read: the editors load as their own chunk, fetched as soon as this module runs (in
// parallel with hydration), rather than holding up the page's first load.
const loadEditor = () => import('./window-editor');
if (typeof window !== 'undefined') void loadEditor();
const WindowEditor = lazy(() => loadEditor().then((module) => ({ default: module.WindowEditor })));

function StaticWindow({ window }: { window: Window }) {
  return (
    <div className="article-prose">
      <StaticDoc doc={{ type: 'doc', content: window.blocks }} />
    </div>
  );
}

/**
 * One window of the article in its own TipTap editor: read-only for reviewers (they select and tag
 * in it), editable in edit mode. Until it comes near the viewport it is plain server-rendered text,
 * and its highlights are drawn only once it mounts.
 */
export const BlockWindowView = memo(function BlockWindowView(props: BlockWindowProps) {
  const { window } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const seen = useRef(false);
  const { onSeen } = props;

  useEffect(() => {
    const element = ref.current;
    if (!element || near) return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        const isNear = !!entry?.isIntersecting;
        if (!seen.current) {
          seen.current = true;
          onSeen(window.index, isNear);
        }
        if (isNear) setNear(true);
      },
      { rootMargin: MOUNT_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, onSeen, window.index]);

  return (
    <div ref={ref} data-block-window={window.index}>
      {near ? (
        <Suspense fallback={<StaticWindow window={window} />}>
          <WindowEditor {...props} />
        </Suspense>
      ) : (
        <StaticWindow window={window} />
      )}
    </div>
  );
});
