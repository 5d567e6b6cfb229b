// A small review for export tests: two articles (marks, a hard break, a list, a quote twice),
// annotations with threads (a reply, an edit, a deletion), an orphaned annotation, and links
// within an article, across articles and to an annotation outside the export.
import { describeTextRange } from '../../anchoring/describe-text-range';
import { freshEvidence } from '../../evidence/annotation-evidence';
import { docToPlainText } from '../../document/article-doc';
import { normalizeArticleDoc } from '../../document/normalize-article-doc';
import {
  exportUrls,
  type ExportAnnotation,
  type ExportArticle,
  type ExportComment,
  type ExportLink,
  type ExportPerson,
} from '../annotation-export';

export const urls = exportUrls('https://marginalia.example');

export const ada: ExportPerson = { id: '01900000-0000-7000-8000-0000000000a1', name: 'Ada Lovelace' };
export const grace: ExportPerson = { id: '01900000-0000-7000-8000-0000000000a2', name: 'Grace "Amazing" Hopper' };

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute));

export function article(id: string, title: string, doc: unknown, extra: Partial<ExportArticle> = {}): ExportArticle {
  const normalized = normalizeArticleDoc(doc);
  return {
    id,
    title,
    byline: null,
    sourceUrl: null,
    publishedAt: null,
    revision: 1,
    doc: normalized,
    text: docToPlainText(normalized),
    ...extra,
  };
}

const text = (value: string, marks?: { type: string; attrs?: Record<string, string> }[]) => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });

export const borderArticle = article(
  '01900000-0000-7000-8000-00000000b001',
  'Border policy, explained',
  {
    type: 'doc',
    content: [
      paragraph(
        text('“We need to take away children,” '),
        text('Sessions', [{ type: 'bold' }]),
        text(' said, calling it a driving force.'),
      ),
      { type: 'heading', attrs: { level: 2 }, content: [text('What the report says')] },
      paragraph(
        text('The '),
        text('report', [{ type: 'link', attrs: { href: 'https://example.org/report' } }]),
        text(' found no driving force.'),
        { type: 'hardBreak' },
        text('Zürich — naïve café.'),
      ),
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [paragraph(text('Families were separated at the border.'))] }],
      },
    ],
  },
  {
    byline: 'By Jane Doe',
    sourceUrl: 'https://news.example/border',
    publishedAt: new Date('2026-11-01T00:00:00Z'),
  },
);

export const reportArticle = article('01900000-0000-7000-8000-00000000b002', 'Agency report', {
  type: 'doc',
  content: [paragraph(text('Separations rose sharply in 2018, the agency reported.'))],
});

export const articles = [borderArticle, reportArticle];

let sequence = 0;
const nextId = (prefix: string) =>
  `01900000-0000-7000-8000-${prefix}${String(++sequence).padStart(12 - prefix.length, '0')}`;

export function comment(overrides: Partial<ExportComment> & { body: string }): ExportComment {
  return {
    id: nextId('c'),
    parentId: null,
    author: ada,
    createdAt: at(30 + sequence),
    editedAt: null,
    deletedAt: null,
    ...overrides,
  };
}

/** An annotation on the occurrence-th appearance of `phrase` in the article's text. */
export function annotate(
  on: ExportArticle,
  phrase: string,
  overrides: Partial<ExportAnnotation> = {},
  occurrence = 1,
): ExportAnnotation {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen++) start = on.text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" is not in ${on.title}`);
  const { quote, position } = describeTextRange(on.text, start, start + phrase.length);
  const revisionId = nextId('e');
  return {
    id: nextId('a'),
    articleId: on.id,
    tag: 'finding',
    note: null,
    quoteExact: quote.exact,
    quotePrefix: quote.prefix,
    quoteSuffix: quote.suffix,
    posStart: position.start,
    posEnd: position.end,
    anchorState: 'exact',
    status: 'open',
    reviewStatus: 'open',
    reviewedAt: null,
    reviewedById: null,
    assigneeId: null,
    revisionId,
    ...freshEvidence({ quote, position }, revisionId),
    version: 1,
    createdAt: at(sequence),
    updatedAt: at(sequence),
    author: ada,
    assignee: null,
    comments: [],
    ...overrides,
  };
}

export const claim = annotate(borderArticle, 'We need to take away children', {
  tag: 'quote',
  note: 'Said at the press briefing, "on the record", in May.\nCheck the transcript.',
});
const firstComment = comment({ body: 'Transcript agrees.', author: grace, editedAt: at(50) });
const deletedComment = comment({ body: '', deletedAt: at(55) });
export const finding = annotate(
  borderArticle,
  'driving force',
  {
    tag: 'finding',
    note: '=HYPERLINK("http://evil.example","click")',
    reviewStatus: 'accepted',
    reviewedAt: at(40),
    reviewedById: grace.id,
    assigneeId: grace.id,
    assignee: grace,
    comments: [
      firstComment,
      deletedComment,
      comment({ body: 'Replying to the deleted one.', parentId: deletedComment.id, author: grace }),
    ],
  },
  1,
);
/** The same words appear earlier in the text: only the position tells them apart. */
export const rebuttal = annotate(
  borderArticle,
  'driving force',
  { tag: 'rebuttal', note: 'The report says the opposite.', author: grace, status: 'resolved' },
  2,
);
export const listItem = annotate(borderArticle, 'Families were separated', {
  tag: 'finding',
  author: null,
  reviewStatus: 'rejected',
});
export const orphan: ExportAnnotation = {
  ...annotate(borderArticle, 'Zürich — naïve café'),
  quoteExact: 'a sentence that was deleted',
  taggedExact: 'a sentence that was deleted',
  quotePrefix: '',
  quoteSuffix: '',
  posStart: 3,
  posEnd: 30,
  anchorState: 'orphaned',
};
export const source = annotate(reportArticle, 'Separations rose sharply in 2018', {
  tag: 'quote',
  comments: [comment({ body: 'Page 4 of the report.', author: grace })],
});

export const annotations = [claim, finding, rebuttal, listItem, orphan, source];

type End = { id: string; articleId: string };
const link = (type: ExportLink['type'], from: End, to: End, author: ExportPerson | null = ada): ExportLink => ({
  id: nextId('d'),
  type,
  fromAnnotationId: from.id,
  toAnnotationId: to.id,
  fromArticleId: from.articleId,
  toArticleId: to.articleId,
  author,
  createdAt: at(59),
});

/** An annotation of another article that is not part of any export below. */
export const outsideAnnotationId = '01900000-0000-7000-8000-0000000ffff1';

export const links: ExportLink[] = [
  link('rebuts', rebuttal, finding, grace),
  link('supports', source, finding),
  link('quotes_source', claim, source, null),
  link('contradicts', finding, { id: outsideAnnotationId, articleId: '01900000-0000-7000-8000-0000000ffff0' }),
];
