// Decides whether `npm start` must rebuild: the production build records a fingerprint of
// the sources it was built from, so pulling new code never serves a stale build.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'lib', 'server', 'prisma'];
const SOURCE_FILES = ['package-lock.json', 'next.config.js', 'tsconfig.json', 'postcss.config.mjs'];
const SKIP = new Set(['node_modules', 'generated', 'seed-data']);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries
      .filter((entry) => !SKIP.has(entry.name))
      .map((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)])),
  );
  return nested.flat();
}

export async function sourceFingerprint(root: string): Promise<string> {
  const files = [
    ...(await Promise.all(SOURCE_DIRS.map((dir) => listFiles(path.join(root, dir))))).flat(),
    ...SOURCE_FILES.map((file) => path.join(root, file)),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (info) hash.update(`${path.relative(root, file)}:${info.size}:${info.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const stampFile = (root: string) => path.join(root, '.next', 'marginalia-source-fingerprint');

export async function buildIsCurrent(root: string): Promise<boolean> {
  const [recorded, current] = await Promise.all([
    readFile(stampFile(root), 'utf8').catch(() => ''),
    sourceFingerprint(root),
  ]);
  return recorded === current;
}

export async function recordBuild(root: string): Promise<void> {
  await writeFile(stampFile(root), await sourceFingerprint(root));
}
