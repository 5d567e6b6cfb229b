// How to run the production server (scripts/server.ts): the start script, the e2e suite and the
// start tests all spawn it this way. No `--conditions=react-server` here: Next.js picks its own
// React builds, and that condition would hand it the wrong ones.
import path from 'node:path';

export const serverScript = (root: string) => path.join(root, 'scripts', 'server.ts');

export function productionServerArgs(root: string): string[] {
  return ['--import', 'tsx/esm', serverScript(root)];
}
