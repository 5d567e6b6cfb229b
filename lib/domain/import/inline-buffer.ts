// Collects the text of one block as it is walked and turns it into inline document
// nodes the way a browser would lay it out: runs of whitespace become one space, space
// at the block's edges and around line breaks disappears, preformatted text is kept.
// Whitespace is settled as text arrives, in one pass over the text.
import type { DocMark, DocNode } from '../document/article-doc';

export type MarkSet = { marks: DocMark[]; key: string };

export const NO_MARKS: MarkSet = { marks: [], key: '' };

const COLLAPSIBLE_SPACE = /[ \t\n\r\f\u00a0]+/g;
/** Control characters other than whitespace are never meant as text. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;
const HAS_TEXT = /[^ \t\n\r\f\u00a0]/;

type BufferState = {
  nodes: DocNode[];
  run: string[];
  runMarks: MarkSet;
  lastPreformatted: boolean;
  afterSpace: boolean;
  visibleTexts: number;
};

export type InlinePosition = Pick<BufferState, 'lastPreformatted' | 'afterSpace' | 'visibleTexts'> & {
  nodeCount: number;
};

function emptyState(): BufferState {
  // At the start of a block leading space is dropped, hence afterSpace.
  return { nodes: [], run: [], runMarks: NO_MARKS, lastPreformatted: false, afterSpace: true, visibleTexts: 0 };
}

export class InlineBuffer {
  private state = emptyState();

  addText(text: string, marks: MarkSet): void {
    let clean = text.replace(CONTROL_CHARACTERS, '').replace(COLLAPSIBLE_SPACE, ' ');
    if (this.state.afterSpace && clean.startsWith(' ')) clean = clean.slice(1);
    if (!clean) return;
    this.append(clean, marks, false);
    this.state.afterSpace = clean.endsWith(' ');
  }

  /** Text whose spaces and line breaks are kept as written, as in <pre>. */
  addPreformattedText(text: string, marks: MarkSet): void {
    const lines = text.replace(CONTROL_CHARACTERS, '').split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) this.addBreak();
      const line = lines[i]!.replace(/\f/g, '');
      if (!line) continue;
      this.append(line, marks, true);
      this.state.afterSpace = false;
    }
  }

  /** A hard line break; one before any text would only push the block down, so it is dropped. */
  addBreak(): void {
    this.trimTrailingSpace();
    this.endRun();
    if (this.state.nodes.length) this.state.nodes.push({ type: 'hardBreak' });
    this.state.afterSpace = true;
  }

  /** A word gap where block content is run together, e.g. the paragraphs of a table cell. */
  addSpace(): void {
    this.addText(' ', NO_MARKS);
  }

  /** Marks a point to test for text added since, or to go back to. */
  position(): InlinePosition {
    this.endRun();
    const { nodes, lastPreformatted, afterSpace, visibleTexts } = this.state;
    return { nodeCount: nodes.length, lastPreformatted, afterSpace, visibleTexts };
  }

  hasTextSince(position: InlinePosition): boolean {
    return this.state.visibleTexts > position.visibleTexts;
  }

  /** Forgets everything added after the position. */
  truncate(position: InlinePosition): void {
    const state = this.state;
    state.nodes.length = position.nodeCount;
    state.run = [];
    state.lastPreformatted = position.lastPreformatted;
    state.afterSpace = position.afterSpace;
    state.visibleTexts = position.visibleTexts;
  }

  /** The buffered content as inline nodes (empty when there is no visible text); clears the buffer. */
  take(): DocNode[] {
    this.trimTrailingSpace();
    this.endRun();
    const { nodes, visibleTexts } = this.state;
    this.state = emptyState();
    if (!visibleTexts) return [];
    while (nodes.at(-1)?.type === 'hardBreak') nodes.pop();
    return joinTextWithSameMarks(nodes);
  }

  private append(text: string, marks: MarkSet, preformatted: boolean): void {
    const state = this.state;
    if (state.run.length && state.runMarks.key !== marks.key) this.endRun();
    state.runMarks = marks;
    state.run.push(text);
    state.lastPreformatted = preformatted;
    if (HAS_TEXT.test(text)) state.visibleTexts++;
  }

  /** Space before a line break or the block's end is not shown; only the latest text can end with it. */
  private trimTrailingSpace(): void {
    if (this.state.lastPreformatted) return;
    const { run, nodes } = this.state;
    if (run.length) {
      const last = run.at(-1)!;
      if (!last.endsWith(' ')) return;
      if (last.length > 1) run[run.length - 1] = last.slice(0, -1);
      else run.pop();
      return;
    }
    const lastNode = nodes.at(-1);
    if (lastNode?.type !== 'text' || !lastNode.text?.endsWith(' ')) return;
    if (lastNode.text.length > 1) lastNode.text = lastNode.text.slice(0, -1);
    else nodes.pop();
  }

  private endRun(): void {
    const { run, runMarks } = this.state;
    if (!run.length) return;
    const node: DocNode = { type: 'text', text: run.length === 1 ? run[0]! : run.join('') };
    if (runMarks.marks.length) node.marks = runMarks.marks;
    this.state.nodes.push(node);
    this.state.run = [];
  }
}

/**
 * Runs are cut wherever a position was taken, so neighbours can share marks. Joined once
 * at the end: appending to a node as text arrives and cutting it back would be quadratic.
 * Mark sets are shared objects (see MarkSets), so the same marks are the same array.
 */
function joinTextWithSameMarks(nodes: DocNode[]): DocNode[] {
  const joined: DocNode[] = [];
  let parts: string[] = [];
  const flush = () => {
    const last = joined.at(-1);
    if (last && parts.length > 1) last.text = parts.join('');
    parts = [];
  };
  for (const node of nodes) {
    const last = joined.at(-1);
    if (node.type === 'text' && last?.type === 'text' && last.marks === node.marks && parts.length) {
      parts.push(node.text ?? '');
      continue;
    }
    flush();
    joined.push(node);
    if (node.type === 'text') parts.push(node.text ?? '');
  }
  flush();
  return joined;
}
