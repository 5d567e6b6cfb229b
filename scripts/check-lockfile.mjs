// Fails when package-lock.json names an optional platform package it has no entry for:
// `npm ci` refuses such a lockfile, which happens when the registry lacks a platform build.
import { readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
/** Node's lookup: <dir>/node_modules/<name> in the package's own folder, then each parent. */
function resolvable(location, name) {
  let dir = location;
  for (;;) {
    if (lock.packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

const missing = [];
for (const [location, meta] of Object.entries(lock.packages)) {
  for (const name of Object.keys(meta.optionalDependencies ?? {})) {
    if (!resolvable(location, name)) missing.push(`${name} (wanted by ${location || 'root'})`);
  }
}
if (missing.length) {
  console.error(
    `package-lock.json lacks ${missing.length} optional package(s); npm ci would fail:\n  ${missing.join('\n  ')}`,
  );
  process.exit(1);
}
console.log('package-lock.json is complete.');
