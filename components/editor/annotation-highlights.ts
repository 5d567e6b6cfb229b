// Draws annotations as decorations, never as marks in the document: highlights of many
// reviewers overlap freely and nobody's highlight changes the article. The DecorationSet
// lives in plugin state and is mapped through each transaction (cheap), not rebuilt.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export type Highlight = { id: string; from: number; to: number; tag: string; label: string };

type Action =
  { type: 'set'; highlights: Highlight[] } | { type: 'add'; highlight: Highlight } | { type: 'remove'; id: string };

export interface AnnotationHighlightsOptions {
  /** CSS class on every highlight. @default 'annotation-highlight' */
  className: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    annotationHighlights: {
      /** Replaces all highlights (on load, after a save). */
      setAnnotationHighlights: (highlights: Highlight[]) => ReturnType;
      /** Adds (or replaces) one highlight without touching the others. */
      addAnnotationHighlight: (highlight: Highlight) => ReturnType;
      removeAnnotationHighlight: (id: string) => ReturnType;
    };
  }
}

export const annotationHighlightsKey = new PluginKey<DecorationSet>('annotationHighlights');

function toDecoration(highlight: Highlight, className: string): Decoration {
  return Decoration.inline(
    highlight.from,
    highlight.to,
    {
      nodeName: 'mark',
      class: className,
      'data-tag': highlight.tag,
      'data-annotation-id': highlight.id,
      title: highlight.label,
      'aria-label': highlight.label,
      tabindex: '0',
    },
    { id: highlight.id },
  );
}

function withoutId(set: DecorationSet, id: string): DecorationSet {
  return set.remove(set.find(undefined, undefined, (spec) => spec.id === id));
}

export function highlightsIn(state: EditorState): DecorationSet {
  return annotationHighlightsKey.getState(state) ?? DecorationSet.empty;
}

export const AnnotationHighlights = Extension.create<AnnotationHighlightsOptions>({
  name: 'annotationHighlights',

  addOptions() {
    return { className: 'annotation-highlight' };
  },

  addCommands() {
    const dispatchAction =
      (action: Action) =>
      ({ tr, dispatch }: { tr: import('@tiptap/pm/state').Transaction; dispatch?: unknown }) => {
        if (dispatch) tr.setMeta(annotationHighlightsKey, action).setMeta('addToHistory', false);
        return true;
      };
    return {
      setAnnotationHighlights: (highlights) => dispatchAction({ type: 'set', highlights }),
      addAnnotationHighlight: (highlight) => dispatchAction({ type: 'add', highlight }),
      removeAnnotationHighlight: (id) => dispatchAction({ type: 'remove', id }),
    };
  },

  addProseMirrorPlugins() {
    const { className } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: annotationHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            let next = tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
            const action = tr.getMeta(annotationHighlightsKey) as Action | undefined;
            if (action?.type === 'set') {
              next = DecorationSet.create(
                tr.doc,
                action.highlights.filter((h) => h.to > h.from).map((h) => toDecoration(h, className)),
              );
            } else if (action?.type === 'add') {
              next = withoutId(next, action.highlight.id).add(tr.doc, [toDecoration(action.highlight, className)]);
            } else if (action?.type === 'remove') {
              next = withoutId(next, action.id);
            }
            return next;
          },
        },
        props: {
          decorations: (state) => annotationHighlightsKey.getState(state),
        },
      }),
    ];
  },
});
