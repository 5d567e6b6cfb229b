import { z } from 'zod';

// Zod compiles object parsers with `new Function` when it may, and probes for that the moment a
// schema is built. The app's Content-Security-Policy has no 'unsafe-eval', so in the browser that
// probe is refused and reported as a CSP violation. Browsers get the interpreted parsers instead;
// the server keeps the compiled ones. Import this first in every schema module a client component
// can reach (e2e/security/headers-and-csrf.spec.ts fails on any CSP violation).
if (typeof window !== 'undefined') z.config({ jitless: true });
