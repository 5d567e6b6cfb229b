// Maps sanitised HTML to the editor's blocks. Only elements named here have an effect;
// everything else contributes its text and nothing more, so the result can only contain
// what the article schema allows.
import { isTag, isText, type ChildNode, type Element, type ParentNode } from 'domhandler';
import type { DocNode } from '../document/article-doc';
import { fitListItems } from './fit-list-items';
import { InlineBuffer, NO_MARKS, type MarkSet } from './inline-buffer';
import { MARK_FOR_TAG, MarkSets, resolveLinkHref } from './inline-marks';

export type HtmlBlocks = {
  blocks: DocNode[];
  /** The page's first heading when it was a top-level <h1>: the likely headline. */
  leadingH1?: DocNode;
};

/** h1 is the headline; the editor has two heading levels for everything below it. */
const HEADING_LEVEL: Readonly<Record<string, number>> = { h1: 2, h2: 2, h3: 3, h4: 3, h5: 3, h6: 3 };

/** Elements that start and end a block; all others are inline. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  ...Object.keys(HEADING_LEVEL),
]);

/** Inside a data-table cell, these mean the table is page layout rather than data. */
const LAYOUT_SIGNS = new Set(['table', 'ul', 'ol', 'blockquote', 'pre', ...Object.keys(HEADING_LEVEL)]);
const MAX_PARAGRAPHS_PER_DATA_CELL = 2;
const CELL_SEPARATOR = ' | ';

function isListItem(node: ChildNode): node is Element {
  return isTag(node) && node.name === 'li';
}

function isCell(element: Element): boolean {
  return element.name === 'td' || element.name === 'th';
}

function cellLooksLikeLayout(cell: Element): boolean {
  let paragraphs = 0;
  const stack: ChildNode[] = [...cell.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (LAYOUT_SIGNS.has(node.name)) return true;
    if ((node.name === 'p' || node.name === 'div') && ++paragraphs > MAX_PARAGRAPHS_PER_DATA_CELL) return true;
    for (const child of node.children) stack.push(child);
  }
  return false;
}

/** Tables that hold a whole page (old sites lay out with them) keep their paragraphs. */
function isLayoutTable(table: Element): boolean {
  const stack: ChildNode[] = [...table.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (isCell(node)) {
      if (cellLooksLikeLayout(node)) return true;
    } else {
      for (const child of node.children) stack.push(child);
    }
  }
  return false;
}

/** A table's caption and rows, in order, looking through thead/tbody/tfoot. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isTag(child)) continue;
    if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      for (const row of child.children) if (isTag(row)) rows.push(row);
    } else {
      rows.push(child);
    }
  }
  return rows;
}

function orderedListAttrs(list: Element): DocNode['attrs'] {
  const start = Number(list.attribs.start);
  return Number.isSafeInteger(start) && start >= 0 && start !== 1 ? { start } : undefined;
}

class BlockWalker {
  private readonly inline = new InlineBuffer();
  private readonly markSets = new MarkSets();
  private readonly root: DocNode[] = [];
  private target: DocNode[] = this.root;
  /** Inside headings and table cells blocks run together, as those hold a single line. */
  private flattening = 0;
  private preformatted = 0;
  private sawHeading = false;
  private leadingH1: DocNode | undefined;

  constructor(private readonly linkBase: string | undefined) {}

  run(root: ParentNode): HtmlBlocks {
    this.children(root, NO_MARKS);
    this.endTextblock();
    return { blocks: this.root, leadingH1: this.leadingH1 };
  }

  private children(parent: ParentNode, marks: MarkSet): void {
    for (const child of parent.children) this.node(child, marks);
  }

  private node(node: ChildNode, marks: MarkSet): void {
    if (isText(node)) {
      if (this.preformatted) this.inline.addPreformattedText(node.data, marks);
      else this.inline.addText(node.data, marks);
    } else if (isTag(node)) {
      this.element(node, marks);
    }
  }

  private element(element: Element, marks: MarkSet): void {
    const name = element.name;
    const mark = MARK_FOR_TAG[name];
    if (name === 'br') this.inline.addBreak();
    else if (mark) this.children(element, this.markSets.with(marks, { type: mark }));
    else if (name === 'a') this.children(element, this.linkMarks(element, marks));
    else if (name === 'q') this.quotation(element, marks);
    else if (!BLOCK_ELEMENTS.has(name)) this.children(element, marks);
    else if (this.flattening) this.runTogether(element, marks);
    else if (name in HEADING_LEVEL) this.heading(element, marks);
    else if (name === 'ul' || name === 'ol') this.list(element, marks);
    else if (name === 'blockquote') this.blockquote(element, marks);
    else if (name === 'table') this.table(element, marks);
    else if (name === 'pre') this.pre(element, marks);
    else this.block(element, marks);
  }

  private linkMarks(anchor: Element, marks: MarkSet): MarkSet {
    const href = resolveLinkHref(anchor.attribs.href, this.linkBase);
    return href ? this.markSets.with(marks, { type: 'link', attrs: { href } }) : marks;
  }

  private quotation(quote: Element, marks: MarkSet): void {
    this.inline.addText('“', marks);
    this.children(quote, marks);
    this.inline.addText('”', marks);
  }

  /** Ends the textblock being collected, if it has any text, and returns it. */
  private endTextblock(headingLevel?: number): DocNode | undefined {
    const content = this.inline.take();
    if (!content.length) return undefined;
    const node: DocNode = headingLevel
      ? { type: 'heading', attrs: { level: headingLevel }, content }
      : { type: 'paragraph', content };
    this.target.push(node);
    return node;
  }

  /** Starts collecting blocks for a list item or quote; returns the outer container to go back to. */
  private openContainer(): DocNode[] {
    const outer = this.target;
    this.target = [];
    return outer;
  }

  private closeContainer(outer: DocNode[]): DocNode[] {
    this.endTextblock();
    const blocks = this.target;
    this.target = outer;
    return blocks;
  }

  private block(element: Element, marks: MarkSet): void {
    this.endTextblock();
    this.children(element, marks);
    this.endTextblock();
  }

  private runTogether(element: Element, marks: MarkSet): void {
    this.inline.addSpace();
    if (element.name === 'pre') this.preformatted++;
    this.children(element, marks);
    if (element.name === 'pre') this.preformatted--;
    this.inline.addSpace();
  }

  private heading(element: Element, marks: MarkSet): void {
    this.endTextblock();
    this.flattening++;
    this.children(element, marks);
    this.flattening--;
    const heading = this.endTextblock(HEADING_LEVEL[element.name]);
    if (!heading || this.sawHeading) return;
    this.sawHeading = true;
    if (element.name === 'h1' && this.target === this.root) this.leadingH1 = heading;
  }

  private list(list: Element, marks: MarkSet): void {
    this.endTextblock();
    const items: DocNode[] = [];
    const children = list.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const outer = this.openContainer();
      if (isListItem(child)) {
        this.children(child, marks);
      } else {
        // Content outside any <li> (invalid, but common) is gathered into an item of its own.
        this.node(child, marks);
        while (i + 1 < children.length && !isListItem(children[i + 1]!)) this.node(children[++i]!, marks);
      }
      for (const item of fitListItems(this.closeContainer(outer))) items.push(item);
    }
    if (!items.length) return;
    const attrs = list.name === 'ol' ? orderedListAttrs(list) : undefined;
    const type = list.name === 'ol' ? 'orderedList' : 'bulletList';
    this.target.push(attrs ? { type, attrs, content: items } : { type, content: items });
  }

  private blockquote(quote: Element, marks: MarkSet): void {
    this.endTextblock();
    const outer = this.openContainer();
    this.children(quote, marks);
    const content = this.closeContainer(outer);
    if (content.length) this.target.push({ type: 'blockquote', content });
  }

  private pre(pre: Element, marks: MarkSet): void {
    this.endTextblock();
    this.preformatted++;
    this.children(pre, marks);
    this.preformatted--;
    this.endTextblock();
  }

  /** A data table becomes one paragraph per row, its non-empty cells joined by " | ". */
  private table(table: Element, marks: MarkSet): void {
    this.endTextblock();
    if (isLayoutTable(table)) {
      this.children(table, marks);
      this.endTextblock();
      return;
    }
    this.flattening++;
    for (const row of tableRows(table)) {
      if (row.name === 'tr') this.tableRow(row, marks);
      else this.node(row, marks);
      this.endTextblock();
    }
    this.flattening--;
  }

  private tableRow(row: Element, marks: MarkSet): void {
    let hasCell = false;
    for (const cell of row.children) {
      if (!isTag(cell)) continue;
      const start = this.inline.position();
      if (hasCell) this.inline.addText(CELL_SEPARATOR, NO_MARKS);
      const cellStart = this.inline.position();
      this.node(cell, marks);
      if (this.inline.hasTextSince(cellStart)) hasCell = true;
      else this.inline.truncate(start);
    }
  }
}

export function htmlDomToBlocks(root: ParentNode, options: { linkBase?: string } = {}): HtmlBlocks {
  return new BlockWalker(options.linkBase).run(root);
}
