// npm run security:deps — production dependencies against known advisories. First `npm audit
// --omit=dev` (fails on high or critical); where the advisory service cannot be reached (this
// offline machine's registry mirror answers 405), a floor table of the fixed versions of the
// advisories that concern what we run: the server framework, auth, and every parser that
// reads user files. Exits non-zero on a finding.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Floor = { name: string; fixed: string; advisory: string };

const FLOORS: Floor[] = [
  {
    name: 'next',
    fixed: '16.0.10',
    advisory: 'CVE-2025-29927 middleware bypass; CVE-2025-55182/66478, -55183, -55184 (RSC)',
  },
  { name: 'react-dom', fixed: '19.2.3', advisory: 'CVE-2025-55182 and follow-ups (React Server Components)' },
  { name: 'next-auth', fixed: '4.24.12', advisory: 'GHSA-5jpx-9hw9-2fx4 (email misdelivery)' },
  { name: 'mammoth', fixed: '1.11.0', advisory: 'CVE-2025-11849 (external file read from .docx)' },
  { name: '@xmldom/xmldom', fixed: '0.8.15', advisory: 'CVE-2026-83605…83619 (injection, parser DoS)' },
  { name: 'jszip', fixed: '3.8.0', advisory: 'CVE-2022-48285 (path traversal)' },
  { name: 'sanitize-html', fixed: '2.12.1', advisory: 'CVE-2024-21501 (information exposure)' },
  { name: 'markdown-it', fixed: '12.3.2', advisory: 'CVE-2022-21670 (ReDoS)' },
  { name: 'zod', fixed: '3.22.3', advisory: 'CVE-2023-4316 (ReDoS in email)' },
  { name: 'diff', fixed: '8.0.3', advisory: 'GHSA-73rr-hh4g-fpgx (ReDoS)' },
];

const root = path.resolve(import.meta.dirname, '../..');

function installedVersion(name: string): string | null {
  try {
    return (
      JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return null;
  }
}

function compare(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.+-]/).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

type AuditReport = { metadata?: { vulnerabilities?: Record<string, number> }; error?: { summary?: string } };

function runAudit(): AuditReport | null {
  try {
    return JSON.parse(
      execFileSync('npm', ['audit', '--omit=dev', '--json'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as AuditReport;
  } catch (error) {
    // npm audit exits non-zero both when it finds something and when it cannot ask.
    const output = (error as { stdout?: string }).stdout;
    try {
      return output ? (JSON.parse(output) as AuditReport) : null;
    } catch {
      return null;
    }
  }
}

const failures: string[] = [];
const audit = runAudit();
const counts = audit?.metadata?.vulnerabilities;
if (counts) {
  console.log(
    `npm audit --omit=dev: ${Object.entries(counts)
      .map(([level, n]) => `${level} ${n}`)
      .join(', ')}`,
  );
  if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) failures.push('npm audit reports high or critical advisories');
} else {
  console.log(
    `npm audit --omit=dev: advisory service unreachable (${audit?.error?.summary || 'the endpoint refused the request'}); checking the floor table`,
  );
}

for (const floor of FLOORS) {
  const version = installedVersion(floor.name);
  const ok = version !== null && compare(version, floor.fixed) >= 0;
  console.log(
    `  ${ok ? 'ok  ' : 'FAIL'} ${floor.name.padEnd(16)} ${String(version).padEnd(10)} >= ${floor.fixed.padEnd(8)} ${floor.advisory}`,
  );
  if (!ok) failures.push(`${floor.name} ${version} is below ${floor.fixed}`);
}
console.log(
  failures.length
    ? `\n${failures.join('\n')}`
    : `\nDependencies: 0 known high or critical advisories (${FLOORS.length} floors checked).`,
);
process.exit(failures.length ? 1 : 0);
