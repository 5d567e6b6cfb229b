// The plain text of a seed article as the app stores it, for tests on real prose.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { blocksToDoc, docToPlainText } from '../../document/article-doc';
import { parsePlainTextArticle } from '../../import/parse-plain-text-article';

export function seedArticleText(file = 'doj-ig-sessions-rosenstein-driving-force.txt'): string {
  const source = readFileSync(path.join(import.meta.dirname, '../../../../prisma/seed-data', file), 'utf8');
  return docToPlainText(blocksToDoc(parsePlainTextArticle(source).blocks));
}
