// Reads a page's details from the raw HTML. It has to run before sanitising, which
// removes <head>, <meta> and the class names bylines are found by. Only strings are
// taken from the markup, never markup itself.
import { Parser } from 'htmlparser2';
import type { ImportedMetadata } from './imported-document';
import { cleanByline, cleanSourceUrl, cleanTitle, collapseWhitespace, toIsoDate } from './metadata-values';

export type HtmlMetadata = ImportedMetadata & {
  /** Where relative links in the page point: <base href>, else the page's own address. */
  linkBase?: string;
};

/** Meta tags by their name/property/itemprop, best first. */
const TITLE_META = ['og:title', 'twitter:title'];
const BYLINE_META = ['author', 'byl', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author'];
const URL_META = ['og:url'];
const DATE_META = [
  'article:published_time',
  'date',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.created',
  'og:published_time',
];

/** Text inside these is not visible page text. */
const HIDDEN_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'textarea']);

function tokens(value: string | undefined): string[] {
  return (value ?? '').toLowerCase().split(/\s+/);
}

function isBylineElement(name: string, attribs: Record<string, string>): boolean {
  if (name === 'meta' || name === 'link') return false;
  return (
    tokens(attribs.rel).includes('author') ||
    tokens(attribs.class).some((token) => token === 'byline' || token === 'author-name') ||
    attribs.itemprop?.toLowerCase() === 'author'
  );
}

function firstOf(values: Map<string, string>, keys: string[], accept: (value: string) => string | undefined) {
  for (const key of keys) {
    const accepted = accept(values.get(key) ?? '');
    if (accepted) return accepted;
  }
  return undefined;
}

/** Collects what the page says about itself in one streaming pass, without building a tree. */
export function readHtmlMetadata(html: string): HtmlMetadata {
  const meta = new Map<string, string>();
  let titleText: string | undefined;
  let canonical: string | undefined;
  let baseHref: string | undefined;
  let bylineText: string | undefined;
  let timeInArticle: string | undefined;
  let firstTime: string | undefined;

  let depth = 0;
  let hiddenDepth = 0;
  let articleDepth = 0;
  let hasArticle = false;
  let titleCapture: string[] | null = null;
  let bylineCapture: { depth: number; parts: string[] } | null = null;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        depth++;
        // The body is only read for what the head left out; most of a large page is body.
        if (name === 'body' && headSaysEverything()) parser.pause();
        if (HIDDEN_TEXT_TAGS.has(name)) hiddenDepth++;
        if (name === 'article' || name === 'main') {
          articleDepth++;
          hasArticle = true;
        }
        if (name === 'title' && titleText === undefined && hiddenDepth === 0) titleCapture = [];
        if (name === 'meta' && attribs.content !== undefined) {
          for (const key of [attribs.property, attribs.name, attribs.itemprop]) {
            const normalized = key?.trim().toLowerCase();
            if (normalized && !meta.has(normalized)) meta.set(normalized, attribs.content);
          }
        }
        if (name === 'link' && tokens(attribs.rel).includes('canonical')) canonical ??= attribs.href;
        if (name === 'base') baseHref ??= attribs.href;
        if (name === 'time' && attribs.datetime) {
          firstTime ??= attribs.datetime;
          if (articleDepth > 0) timeInArticle ??= attribs.datetime;
        }
        if (!bylineCapture && bylineText === undefined && isBylineElement(name, attribs)) {
          bylineCapture = { depth, parts: [] };
        }
      },
      ontext(text) {
        if (hiddenDepth > 0) return;
        titleCapture?.push(text);
        bylineCapture?.parts.push(text);
      },
      onclosetag(name) {
        if (name === 'title' && titleCapture) {
          titleText = titleCapture.join('');
          titleCapture = null;
        }
        if (bylineCapture && bylineCapture.depth === depth) {
          // An empty byline container is skipped so a later, filled one can be used.
          const text = collapseWhitespace(bylineCapture.parts.join(''));
          if (text) bylineText = text;
          bylineCapture = null;
        }
        if (HIDDEN_TEXT_TAGS.has(name)) hiddenDepth--;
        if (name === 'article' || name === 'main') articleDepth--;
        depth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  const headSaysEverything = () =>
    (firstOf(meta, TITLE_META, cleanTitle) ?? cleanTitle(titleText)) !== undefined &&
    firstOf(meta, BYLINE_META, cleanByline) !== undefined &&
    firstOf(meta, DATE_META, toIsoDate) !== undefined;
  parser.end(html);

  const sourceUrl = cleanSourceUrl(canonical) ?? firstOf(meta, URL_META, cleanSourceUrl);
  return {
    title: firstOf(meta, TITLE_META, cleanTitle) ?? cleanTitle(titleText),
    byline: firstOf(meta, BYLINE_META, cleanByline) ?? cleanByline(bylineText),
    sourceUrl,
    // A <time> outside the article is as likely to be a sidebar's date as the story's.
    publishedAt: firstOf(meta, DATE_META, toIsoDate) ?? toIsoDate(hasArticle ? timeInArticle : firstTime),
    linkBase: resolveBase(baseHref, sourceUrl) ?? sourceUrl,
  };
}

function resolveBase(baseHref: string | undefined, pageUrl: string | undefined): string | undefined {
  if (!baseHref) return undefined;
  try {
    return cleanSourceUrl(pageUrl ? new URL(baseHref, pageUrl).href : baseHref);
  } catch {
    return undefined;
  }
}
