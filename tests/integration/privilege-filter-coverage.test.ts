// Every read of annotations or comments in server/ goes through the privilege filter
// (server/data/privilege/visible-annotations.ts), or says on the line before it why it need not:
// a privileged note must never reach someone the rule refuses because a new query forgot it.
// Static (it reads the source), but kept with the integration tests that prove the filter works.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const READ =
  /\b(?:db\(\)|tx)\.(annotation|comment)\.(findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|count|groupBy|aggregate)\(/g;
const RAW = /(?:FROM|JOIN)\s+"(?:Annotation|Comment)"/g;
const FILTERED = /visibleAnnotationWhere|visibleAnnotationSql|visibleCommentWhere|privilegedAt/;
const EXEMPT = /\/\/ privilege: \S/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The text of the call starting at `open` (its opening parenthesis) up to the matching one. */
function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

/** The three lines before `index`, where an exemption comment belongs. */
const linesBefore = (source: string, index: number) => source.slice(0, index).split('\n').slice(-4).join('\n');

/** Names this file assigns from the filter (`const visible = visibleAnnotationWhere(userId)`, a where object holding it). */
function filterNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const match of source.matchAll(/\b(?:const|let)\s+(\w+)\b[^=;]*=/g)) {
    const end = source.indexOf(';\n', match.index);
    if (FILTERED.test(source.slice(match.index, end === -1 ? undefined : end))) names.add(match[1]!);
  }
  return names;
}

const mentionsAny = (text: string, names: Set<string>) =>
  [...names].some((name) => new RegExp(`\\b${name}\\b`).test(text));

function unfilteredReads(): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles(path.join(root, 'server'))) {
    const source = readFileSync(file, 'utf8');
    const names = filterNames(source);
    const filtered = (text: string) => FILTERED.test(text) || mentionsAny(text, names);
    const where = (index: number) => `${path.relative(root, file)}:${source.slice(0, index).split('\n').length}`;
    for (const match of source.matchAll(READ)) {
      const open = match.index + match[0].length - 1;
      if (filtered(callText(source, open)) || EXEMPT.test(linesBefore(source, match.index))) continue;
      problems.push(`${where(match.index)} ${match[1]}.${match[2]} without the privilege filter`);
    }
    for (const match of source.matchAll(RAW)) {
      // Raw SQL: the filter must appear in the same statement (the template it is in).
      const start = source.lastIndexOf('`', match.index);
      const end = source.indexOf('`;', match.index);
      const statement = source.slice(start, end === -1 ? undefined : end);
      if (filtered(statement) || EXEMPT.test(linesBefore(source, start))) continue;
      problems.push(`${where(match.index)} raw SQL on ${match[0].split('"')[1]} without the privilege filter`);
    }
  }
  return problems;
}

describe('privilege filter coverage', () => {
  it('finds every read of annotations and comments filtered, or exempt with a reason', () => {
    expect(unfilteredReads()).toEqual([]);
  });

  it('would notice a new unfiltered read', () => {
    const sample = 'const rows = await db().annotation.findMany({ where: { articleId } });';
    expect([...sample.matchAll(READ)]).toHaveLength(1);
    expect(FILTERED.test(callText(sample, sample.indexOf('(', sample.indexOf('findMany'))))).toBe(false);
  });
});
