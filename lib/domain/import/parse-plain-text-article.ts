import type { ArticleBlock } from '../document/article-blocks';

export type ParsedArticle = {
  title: string;
  /** Whether the title was the text's first line or had to be derived from the body. */
  titleSource: 'first-line' | 'derived';
  blocks: ArticleBlock[];
};

const MAX_TITLE_LENGTH = 160;
const MAX_TITLE_WORDS = 25;
const DERIVED_TITLE_LENGTH = 80;
const MAX_SUBHEADING_LENGTH = 80;
const UNTITLED = 'Untitled article';

/** Lines scrapers leave at the end of a page: navigation and promotion, not article text. */
const TRAILING_DEBRIS = [
  /^related( news| articles| stories| coverage| content)?$/i,
  /^(read|see) (more|also)$/i,
  /^more (from|on) .{1,40}$/i,
  /^advertisement$/i,
  /^share( this( article| story)?)?$/i,
  /^(sign up|subscribe)( to| for)? (our|the) newsletter\.?$/i,
  /^(recommended|trending|most read|popular)( (stories|articles|now))?$/i,
];

function normaliseWhitespace(line: string): string {
  return line.replace(/[\t\u00a0 ]+/g, ' ').trim();
}

/**
 * Splits text into paragraphs. With blank lines present they separate paragraphs and
 * single line breaks inside are soft wraps; without any, every line is a paragraph.
 */
function splitParagraphs(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(normaliseWhitespace);
  const hasBlankLines = lines.some((line, i) => line === '' && i > 0 && i < lines.length - 1);
  if (!hasBlankLines) return lines.filter((line) => line !== '');
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length) paragraphs.push(current.join(' '));
      current = [];
    } else if (isSubheading(line)) {
      // A subheading line glued to its paragraph still stands on its own.
      if (current.length) paragraphs.push(current.join(' '));
      paragraphs.push(line);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs;
}

function isSubheading(line: string): boolean {
  return (
    line.length <= MAX_SUBHEADING_LENGTH &&
    line.length > 1 &&
    line.endsWith(':') &&
    !/[.!?]/.test(line.slice(0, -1).slice(-1))
  );
}

function looksLikeTitle(line: string, hasBody: boolean): boolean {
  if (!hasBody || line.length > MAX_TITLE_LENGTH) return false;
  if (line.split(' ').length > MAX_TITLE_WORDS) return false;
  // Sentences end in punctuation; headlines rarely do (a closing quote or ? is fine).
  return !/[.:;,]$/.test(line);
}

function isDebris(line: string): boolean {
  return TRAILING_DEBRIS.some((pattern) => pattern.test(line));
}

/** First sentence of the body, cut at a word boundary when it is long. */
export function deriveTitle(firstParagraph: string | undefined): string {
  if (!firstParagraph) return UNTITLED;
  const sentence = firstParagraph.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? firstParagraph;
  const clean = sentence.replace(/[.]$/, '');
  if (clean.length <= DERIVED_TITLE_LENGTH) return clean;
  const cut = clean.slice(0, DERIVED_TITLE_LENGTH + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > 20 ? lastSpace : DERIVED_TITLE_LENGTH).replace(/[,;:\s]+$/, '')}…`;
}

/**
 * Turns a scraped or pasted plain-text article into a title and structured blocks:
 * the first line is the title when it looks like one, short lines ending with a colon
 * become subheadings, and trailing scrape debris ("Related News") is dropped.
 */
export function parsePlainTextArticle(text: string): ParsedArticle {
  const paragraphs = splitParagraphs(text);
  while (paragraphs.length && isDebris(paragraphs.at(-1)!)) paragraphs.pop();

  const [first, ...rest] = paragraphs;
  const hasTitleLine = first !== undefined && looksLikeTitle(first, rest.length > 0);
  const bodyParagraphs = hasTitleLine ? rest : paragraphs;
  const blocks: ArticleBlock[] = bodyParagraphs.map((paragraph) =>
    isSubheading(paragraph)
      ? { type: 'heading', text: paragraph.slice(0, -1).trim() }
      : { type: 'paragraph', text: paragraph },
  );
  const firstParagraph = blocks.find((block) => block.type === 'paragraph')?.text;
  return hasTitleLine
    ? { title: first, titleSource: 'first-line', blocks }
    : { title: deriveTitle(firstParagraph), titleSource: 'derived', blocks };
}
