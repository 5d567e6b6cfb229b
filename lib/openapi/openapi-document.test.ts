import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document';

const app = path.resolve(import.meta.dirname, '../../app');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** "METHOD /path/{param}" for each exported method of each app/**\/route.ts, as the matrix finds them. */
function routeHandlers(): string[] {
  return walk(app)
    .filter((file) => file.endsWith('/route.ts'))
    .flatMap((file) => {
      const route = ('/' + path.relative(app, path.dirname(file)))
        .replace(/\([^)]+\)\//g, '')
        .replace(/\[\.\.\.(\w+)\]/g, '{$1}')
        .replace(/\[(\w+)\]/g, '{$1}');
      const source = readFileSync(file, 'utf8');
      const methods = new Set<string>();
      for (const match of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g))
        methods.add(match[1]!);
      for (const match of source.matchAll(/export \{([^}]+)\}/g))
        for (const entry of match[1]!.split(','))
          if (
            /^(GET|POST|PUT|PATCH|DELETE)$/.test(
              entry
                .trim()
                .split(/\s+as\s+/)
                .at(-1)!,
            )
          )
            methods.add(
              entry
                .trim()
                .split(/\s+as\s+/)
                .at(-1)!,
            );
      return [...methods].map((method) => `${method} ${route}`);
    })
    .sort();
}

describe('the OpenAPI document', () => {
  const document = openApiDocument('https://marginalia.example');

  it('has every route handler, and nothing else', () => {
    const documented = Object.entries(document.paths)
      .flatMap(([route, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`))
      .sort();
    expect(documented).toEqual(routeHandlers());
  });

  it('describes request bodies from the zod schemas', () => {
    const create = document.paths['/api/articles/{articleId}/annotations']!.post as {
      requestBody: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
    };
    const schema = Object.values(create.requestBody.content)[0]!.schema;
    expect(schema.properties).toHaveProperty('target');
    expect(document.openapi).toBe('3.1.0');
  });
});
