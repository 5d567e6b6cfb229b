import type { Editor } from '@tiptap/core';
import {
  buildTextPositionMap,
  positionToTextOffset,
  textOffsetToPosition,
  type TextPositionMap,
} from '@/lib/domain/anchoring/text-position-map';
import type { BlockWindow } from '@/lib/domain/document/block-windows';

export type MountedWindow = { window: BlockWindow; editor: Editor; element: HTMLElement };

/**
 * The block windows whose editors are mounted, so article-wide actions (mapping a DOM selection to
 * article text, scrolling to a highlight, collecting the document to save) reach the right editor.
 */
export class BlockWindowRegistry {
  private readonly mounted = new Map<number, MountedWindow>();
  private readonly waiting = new Map<number, (() => void)[]>();
  private readonly maps = new WeakMap<object, TextPositionMap>();

  register(entry: MountedWindow) {
    this.mounted.set(entry.window.index, entry);
    for (const resolve of this.waiting.get(entry.window.index) ?? []) resolve();
    this.waiting.delete(entry.window.index);
  }

  unregister(entry: MountedWindow) {
    if (this.mounted.get(entry.window.index) === entry) this.mounted.delete(entry.window.index);
  }

  get(index: number): MountedWindow | undefined {
    return this.mounted.get(index);
  }

  all(): MountedWindow[] {
    return [...this.mounted.values()];
  }

  /** Resolves once window `index` has an editor (it mounts when scrolled near). */
  whenMounted(index: number): Promise<void> {
    if (this.mounted.has(index)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(index, [...(this.waiting.get(index) ?? []), resolve]));
  }

  /** The window-local text map of an editor's current document, built once per document. */
  textMap(editor: Editor): TextPositionMap {
    const doc = editor.state.doc;
    let map = this.maps.get(doc);
    if (!map) this.maps.set(doc, (map = buildTextPositionMap(doc)));
    return map;
  }

  /** The article text offset of a DOM point inside a mounted window, or null elsewhere. */
  offsetAt(node: Node, offset: number): number | null {
    const element = (node instanceof Element ? node : node.parentElement)?.closest('[data-block-window]');
    const entry = element ? this.mounted.get(Number(element.getAttribute('data-block-window'))) : undefined;
    if (!entry || !entry.editor.view.dom.contains(node)) return null;
    const local = positionToTextOffset(this.textMap(entry.editor), entry.editor.view.posAtDOM(node, offset));
    return entry.window.textStart + local;
  }

  /** A DOM point for an article text offset, if its window is mounted. */
  domAt(offset: number, index: number, bias: -1 | 1): { node: Node; offset: number } | null {
    const entry = this.mounted.get(index);
    if (!entry) return null;
    const position = textOffsetToPosition(this.textMap(entry.editor), offset - entry.window.textStart, bias);
    return entry.editor.view.domAtPos(position);
  }
}
