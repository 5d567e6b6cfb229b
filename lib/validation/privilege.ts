import './zod-config';
import { z } from 'zod';

/** Long enough for "attorney-client; prepared at the request of counsel", short enough for a log line. */
export const PRIVILEGE_BASIS_MAX_LENGTH = 200;

/** Marking an annotation privileged: the basis the privilege log will state. */
export const ZMarkPrivileged = z.object({
  basis: z
    .string({ error: 'State the basis for the privilege, e.g. attorney-client.' })
    .trim()
    .min(1, 'State the basis for the privilege, e.g. attorney-client.')
    .max(PRIVILEGE_BASIS_MAX_LENGTH, `Keep the basis within ${PRIVILEGE_BASIS_MAX_LENGTH} characters.`)
    // One line in the log: no line breaks or other control characters.
    .refine((basis) => !/[\u0000-\u001f\u007f]/.test(basis), 'The basis must be one line of text.'),
  /** The version the client saw; a stale one is refused with 409. */
  version: z.number().int().min(1),
});
export type TMarkPrivileged = z.infer<typeof ZMarkPrivileged>;

/** Withdrawing the privilege. */
export const ZUnmarkPrivileged = z.object({ version: z.number().int().min(1) });
export type TUnmarkPrivileged = z.infer<typeof ZUnmarkPrivileged>;
