// Markdown's parse tree, as markdown-it tokens, turned straight into the DOM nodes the HTML importer
// walks, so a Markdown import skips rendering HTML, sanitising it and parsing it again (two thirds of
// its time on a 10 MB file). Safe without the sanitiser: with `html: false` markdown-it produces no raw
// markup, only the elements below; the block walker maps only elements it knows and keeps text as
// text; link addresses still go through resolveLinkHref's scheme check; images are dropped, as the
// sanitiser dropped them.
import { Document, Element, Text, type ChildNode } from 'domhandler';
import type MarkdownIt from 'markdown-it';
import { MAX_HTML_NESTING } from './sanitize-import-html';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** Attributes the walker reads; the sanitiser allowed these and no others. */
const KEPT_ATTRIBUTES: Readonly<Record<string, string>> = { a: 'href', ol: 'start' };

function attributesOf(token: Token): Record<string, string> {
  const name = KEPT_ATTRIBUTES[token.tag];
  const value = name ? token.attrGet(name) : null;
  return name && value !== null ? { [name]: String(value) } : {};
}

const DROPPED = Symbol('dropped');

/** Appends tokens to a tree; `*_open` / `*_close` pairs nest, hidden ones (tight list paragraphs) only group. */
class TreeBuilder {
  private readonly stack: (ChildNode[] | null | typeof DROPPED)[] = [];
  private depth = 0;
  constructor(private target: ChildNode[]) {}

  open(token: Token): void {
    if (token.hidden) {
      this.stack.push(null);
      return;
    }
    // Deeper markup loses its tags (its text stays, words kept apart), as the sanitiser's nesting limit had it.
    if (this.depth >= MAX_HTML_NESTING) {
      this.leaf(new Text('\n'));
      this.stack.push(DROPPED);
      return;
    }
    const element = new Element(token.tag, attributesOf(token), []);
    this.target.push(element);
    this.stack.push(this.target);
    this.depth++;
    this.target = element.children;
  }

  close(): void {
    const outer = this.stack.pop();
    if (outer === DROPPED) this.leaf(new Text('\n'));
    else if (outer) {
      this.target = outer;
      this.depth--;
    }
  }

  leaf(node: ChildNode): void {
    this.target.push(node);
  }

  add(tokens: readonly Token[]): void {
    for (const token of tokens) {
      if (token.nesting === 1) this.open(token);
      else if (token.nesting === -1) this.close();
      else if (token.type === 'inline') this.add(token.children ?? []);
      else if (token.type === 'text' || token.type === 'html_inline' || token.type === 'html_block')
        this.leaf(new Text(token.content));
      else if (token.type === 'softbreak') this.leaf(new Text('\n'));
      else if (token.type === 'hardbreak') this.leaf(new Element('br', {}, []));
      else if (token.type === 'code_inline') this.leaf(new Element('code', {}, [new Text(token.content)]));
      else if (token.type === 'fence' || token.type === 'code_block')
        this.leaf(new Element('pre', {}, [new Element('code', {}, [new Text(token.content)])]));
      else if (token.type === 'hr') this.leaf(new Element('hr', {}, []));
      // image and anything unknown: nothing, as the sanitiser's allowlist had it.
    }
  }
}

export function markdownTokensToDom(tokens: readonly Token[]): Document {
  const children: ChildNode[] = [];
  new TreeBuilder(children).add(tokens);
  return new Document(children);
}
