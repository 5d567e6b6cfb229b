// The few article details Markdown files commonly carry in YAML front matter, read by
// hand: only flat `key: value` lines matter here, so no YAML parser is needed.
import type { ImportedMetadata } from './imported-document';
import { cleanByline, cleanSourceUrl, cleanTitle, toIsoDate } from './metadata-values';

const MAX_FRONT_MATTER_LINES = 200;

const FIELD_FOR_KEY: Readonly<Record<string, keyof ImportedMetadata>> = {
  title: 'title',
  author: 'byline',
  byline: 'byline',
  source: 'sourceUrl',
  url: 'sourceUrl',
  canonical: 'sourceUrl',
  date: 'publishedAt',
  published: 'publishedAt',
  published_at: 'publishedAt',
  publishedat: 'publishedAt',
};

const CLEAN_FIELD: Readonly<Record<keyof ImportedMetadata, (value: string) => string | undefined>> = {
  title: cleanTitle,
  byline: cleanByline,
  sourceUrl: cleanSourceUrl,
  publishedAt: toIsoDate,
};

/** Lines a YAML block may hold besides `key: value`: blanks, comments, list items, continuations. */
function isYamlish(line: string): boolean {
  return /^\s*$|^\s*#|^\s*-\s|^\s+\S|^[A-Za-z_][\w.-]*\s*:/.test(line);
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = trimmed.match(/^(["'])(.*)\1$/);
  return quoted ? quoted[2]! : trimmed;
}

/**
 * Splits off a front matter block (`---` lines around it, at the very top). A leading
 * `---` that is not followed by YAML-looking lines and a closing `---` is left alone:
 * in Markdown it is a horizontal rule.
 */
export function splitFrontMatter(markdown: string): { metadata: ImportedMetadata; body: string } {
  const text = markdown.replace(/^\uFEFF/, '');
  const opening = text.match(/^---[ \t]*\r?\n/);
  if (!opening) return { metadata: {}, body: text };
  const lines: string[] = [];
  let offset = opening[0].length;
  while (lines.length <= MAX_FRONT_MATTER_LINES && offset <= text.length) {
    const end = text.indexOf('\n', offset);
    const line = (end === -1 ? text.slice(offset) : text.slice(offset, end)).replace(/\r$/, '');
    const next = end === -1 ? text.length + 1 : end + 1;
    if (/^(---|\.\.\.)[ \t]*$/.test(line)) {
      return { metadata: readFields(lines), body: text.slice(Math.min(next, text.length)) };
    }
    if (!isYamlish(line)) break;
    lines.push(line);
    offset = next;
  }
  return { metadata: {}, body: text };
}

function readFields(lines: string[]): ImportedMetadata {
  const metadata: ImportedMetadata = {};
  for (const line of lines) {
    const match = line.match(/^([A-Za-z_][\w.-]*)\s*:(.*)$/);
    if (!match) continue;
    const field = FIELD_FOR_KEY[match[1]!.toLowerCase()];
    if (!field || metadata[field] !== undefined) continue;
    const value = CLEAN_FIELD[field](unquote(match[2]!));
    if (value !== undefined) metadata[field] = value;
  }
  return metadata;
}
