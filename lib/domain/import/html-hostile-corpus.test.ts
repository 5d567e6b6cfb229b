import { describe, expect, it } from 'vitest';
import { docToPlainText, type DocNode } from '../document/article-doc';
import { isSafeHref } from '../document/article-schema';
import { normalizeArticleDoc } from '../document/normalize-article-doc';
import { htmlToArticleDoc } from './html-to-article-doc';
import { markdownToArticleDoc } from './markdown-to-article-doc';

/** Each sample surrounds its payload with text that must survive. */
const HOSTILE_SAMPLES: Record<string, string> = {
  script: '<script>window.__xss = 1; document.write("<b>owned</b>")</script>',
  scriptInAttributeContext: '<p title="<script>alert(1)</script>">title attr</p>',
  imgOnerror: '<img src=x onerror=alert(1)>',
  imgOnerrorQuoted: '<img src="x" onerror="window.__xss=(window.__xss||0)+1">',
  svgOnload: '<svg onload=alert(1)><script>alert(2)</script><text>svg text</text></svg>',
  svgAnimate: '<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>',
  javascriptHref: '<a href="javascript:alert(1)">js link</a>',
  javascriptHrefMixedCase: '<a href="JaVaScRiPt:alert(1)">mixed case link</a>',
  javascriptHrefWhitespace: '<a href="  java\tscript:alert(1)">tab link</a><a href="java\nscript:alert(1)">nl link</a>',
  javascriptHrefEntities:
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entity link</a>',
  javascriptHrefHexEntities:
    '<a href="&#x6A;avascript&#x3A;alert(1)">hex link</a><a href="javascript&colon;alert(1)">colon</a>',
  javascriptHrefControlChars: '<a href="\u0001javascript:alert(1)">control link</a>',
  dataHref: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
  vbscriptHref: '<a href="vbscript:msgbox(1)">vb link</a><a href="VBScript:msgbox(1)">vb2</a>',
  iframe:
    '<iframe src="javascript:alert(1)">iframe fallback</iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>',
  style: '<style>body { background: url("javascript:alert(1)") }</style><p style="behavior:url(x.htc)">decorated</p>',
  math: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  mathHref: '<math href="javascript:alert(1)">math text</math>',
  noscriptMutation: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">noscript</p></noscript>',
  templateMutation: '<template><script>alert(1)</script></template>',
  textareaMutation: '<textarea><img src=x onerror=alert(1)></textarea>',
  form: '<form action="javascript:alert(1)"><input onfocus=alert(1) autofocus><button formaction="javascript:alert(1)">Go</button></form>',
  objectEmbed: '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  metaRefresh: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  baseHref: '<base href="javascript:alert(1)//"><a href="x">based link</a>',
  eventOnParagraph: '<p onclick="alert(1)" onmouseover="alert(2)">handler paragraph</p>',
  commentTrick: '<!--<img src=x onerror=alert(1)>--><p>after comment</p>',
  cdataTrick: '<![CDATA[<img src=x onerror=alert(1)>]]>',
  brokenTag: '<img """><script>alert(1)</script>">',
  nestedAnchors: '<a href="https://ok.example/"><a href="javascript:alert(1)">inner</a></a>',
  linkWithDangerousTitle: '<a href="https://ok.example/" title="javascript:alert(1)" onclick="alert(1)">safe</a>',
  protocolRelative: '<a href="//evil.example/x">protocol relative</a>',
};

/** Attribute names, tags and schemes that must never appear in a converted document. */
const FORBIDDEN_IN_JSON = [
  /<\s*script/i,
  /onerror/i,
  /onload/i,
  /onclick/i,
  /onfocus/i,
  /onbegin/i,
  /javascript\s*:/i,
  /vbscript/i,
  /data:text/i,
  /srcdoc/i,
  /formaction/i,
  /<\s*img/i,
  /<\s*svg/i,
  /<\s*iframe/i,
  /alert\(/i,
  /__xss/i,
  /style/i,
];

function collectLinks(node: DocNode, out: string[] = []): string[] {
  for (const mark of node.marks ?? []) if (mark.type === 'link') out.push(String(mark.attrs?.href));
  for (const child of node.content ?? []) collectLinks(child, out);
  return out;
}

function collectTypes(node: DocNode, out = new Set<string>()): Set<string> {
  out.add(node.type);
  for (const mark of node.marks ?? []) out.add(`mark:${mark.type}`);
  for (const child of node.content ?? []) collectTypes(child, out);
  return out;
}

const ALLOWED_TYPES = new Set([
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'text',
  'hardBreak',
  'mark:bold',
  'mark:italic',
  'mark:underline',
  'mark:strike',
  'mark:link',
]);

describe('htmlToArticleDoc with hostile HTML', () => {
  for (const [name, payload] of Object.entries(HOSTILE_SAMPLES)) {
    it(`neutralises ${name}`, () => {
      const html = `<article><p>Safe opening paragraph.</p>${payload}<p>Safe closing paragraph.</p></article>`;
      const { doc, metadata } = htmlToArticleDoc(html);
      const normalized = normalizeArticleDoc(doc);
      const json = JSON.stringify({ doc, normalized, metadata });

      for (const pattern of FORBIDDEN_IN_JSON) expect(json).not.toMatch(pattern);
      for (const href of collectLinks(normalized))
        expect(isSafeHref(href) && /^(https?|mailto):/.test(href)).toBe(true);
      for (const type of collectTypes(normalized)) expect(ALLOWED_TYPES).toContain(type);
      const text = docToPlainText(normalized);
      expect(text).toMatch(/^Safe opening paragraph\./);
      expect(text).toMatch(/Safe closing paragraph\.$/);
    });
  }

  it('drops everything after an unclosed <script>, as a browser would not show it either', () => {
    const { doc } = htmlToArticleDoc('<p>before</p><script>alert(1)<p>after</p>');
    expect(docToPlainText(doc)).toBe('before');
  });

  it('keeps the visible text of dangerous links but not the link', () => {
    const { doc } = htmlToArticleDoc(
      HOSTILE_SAMPLES.javascriptHrefEntities! + HOSTILE_SAMPLES.vbscriptHref! + HOSTILE_SAMPLES.dataHref!,
    );
    expect(docToPlainText(doc)).toBe('entity linkvb linkvb2data link');
    expect(collectLinks(doc)).toEqual([]);
  });

  it('drops script, style, template and frame content entirely', () => {
    const { doc } = htmlToArticleDoc(
      '<p>kept</p><script>var secret = "script text";</script><style>.x{}</style><template>template text</template>' +
        '<iframe>frame text</iframe><noscript>noscript text</noscript><svg><text>svg text</text></svg>',
    );
    expect(docToPlainText(doc)).toBe('kept');
  });

  it('keeps the safe link when a dangerous one is nested inside it', () => {
    const { doc } = htmlToArticleDoc(`<p>${HOSTILE_SAMPLES.nestedAnchors}</p>`);
    expect(collectLinks(doc)).toEqual(['https://ok.example/']);
  });

  it('does not let metadata carry markup or unsafe addresses', () => {
    const { metadata } = htmlToArticleDoc(`<html><head>
      <title>&lt;script&gt;alert(1)&lt;/script&gt; Headline</title>
      <link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,x">
      <base href="javascript:alert(1)//">
      </head><body><p><a href="x">relative</a> text</p></body></html>`);
    expect(metadata.sourceUrl).toBeUndefined();
    // Entity-encoded markup in a title is text, and is shown as text.
    expect(metadata.title).toBe('<script>alert(1)</script> Headline');
  });
});

describe('markdownToArticleDoc with hostile input', () => {
  it('shows raw HTML as text and never makes unsafe links', () => {
    const { doc } = markdownToArticleDoc(
      [
        'Intro <img src=x onerror=alert(1)> text.',
        '',
        '[js](javascript:alert(1)) [vb](vbscript:x) [data](data:text/html,x) [ok](https://ok.example/)',
        '',
        '<script>alert(1)</script>',
        '',
        '![img](javascript:alert(1))',
      ].join('\n'),
    );
    const normalized = normalizeArticleDoc(doc);
    expect(collectLinks(normalized)).toEqual(['https://ok.example/']);
    for (const type of collectTypes(normalized)) expect(ALLOWED_TYPES).toContain(type);
    expect(docToPlainText(normalized)).toContain('Intro <img src=x onerror=alert(1)> text.');
  });
});
