// npm run bench:bundle — the JavaScript each page makes the browser download on first load, gzipped,
// read from the production build's manifests (Next 16 no longer prints sizes). The floor is the
// framework runtime every page loads (rootMainFiles); each page prints its ratio to it.
// Target: the article page <= 250 KB gzipped.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../db/schema-engine';
import { ensureBuild } from './bench-server';

const ARTICLE_PAGE = '/(app)/w/[workspace]/articles/[articleId]/page';
const TARGET_KB = 250;
const next = path.join(projectRoot, '.next');

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

function findManifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return findManifests(full);
    return name === 'page_client-reference-manifest.js' ? [full] : [];
  });
}

const gzipped = new Map<string, number>();
function gzipSize(file: string): number {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(next, file))).byteLength);
  return gzipped.get(file)!;
}
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const total = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gzipSize(file), 0);

await ensureBuild();
const { rootMainFiles } = JSON.parse(readFileSync(path.join(next, 'build-manifest.json'), 'utf8')) as {
  rootMainFiles: string[];
};
const floor = total(rootMainFiles);
const rows: { page: string; bytes: number; own: string[] }[] = [];
for (const file of findManifests(path.join(next, 'server', 'app'))) {
  const scope = globalThis as { __RSC_MANIFEST?: Record<string, ClientManifest> };
  scope.__RSC_MANIFEST = {};
  // The manifest is a script that assigns to a global; evaluating it is how Next itself reads it.
  new Function(readFileSync(file, 'utf8'))();
  const [page, manifest] = Object.entries(scope.__RSC_MANIFEST)[0] ?? [];
  if (!page || !manifest) continue;
  // The page and its layouts load up front; not-found and error boundaries only when shown.
  const entries = Object.entries(manifest.entryJSFiles ?? {}).filter(([entry]) => /\/(page|layout)$/.test(entry));
  const files = new Set([...rootMainFiles, ...entries.flatMap(([, list]) => list)]);
  rows.push({ page, bytes: total(files), own: [...files].filter((f) => !rootMainFiles.includes(f)) });
}
rows.sort((a, b) => b.bytes - a.bytes);

console.log(`bench:bundle  first-load JS per page, gzipped (floor: framework runtime, ${kb(floor)} KB)`);
for (const row of rows)
  console.log(
    `  ${kb(row.bytes).padStart(6)} KB  ${(row.bytes / floor).toFixed(2)}x  ${row.page.replace(/\/page$/, '') || '/'}`,
  );
const article = rows.find((row) => row.page === ARTICLE_PAGE);
if (article) {
  console.log(
    `  article page: ${kb(article.bytes)} KB (target <= ${TARGET_KB} KB); its chunks beyond the runtime: ${article.own
      .map((file) => `${path.basename(file)} ${kb(gzipSize(file))} KB`)
      .join(', ')}`,
  );
  // The TipTap editors load as their own chunk once the page has started (block-window.tsx); found by
  // the names they carry, since no manifest lists what a dynamic import pulls in.
  const firstLoad = new Set([...rootMainFiles, ...article.own]);
  const chunks = path.join(next, 'static', 'chunks');
  const editorChunks = readdirSync(chunks)
    .map((name) => `static/chunks/${name}`)
    .filter((file) => file.endsWith('.js') && !firstLoad.has(file))
    .filter((file) => /annotationHighlights|"ProseMirror"/.test(readFileSync(path.join(next, file), 'utf8')));
  console.log(
    `  article page, loaded after the first load: the editor chunk(s) ${kb(total(editorChunks))} KB (${editorChunks
      .map((file) => path.basename(file))
      .join(', ')}); first load + editor: ${kb(article.bytes + total(editorChunks))} KB`,
  );
}
