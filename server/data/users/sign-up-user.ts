import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { signUpExistingMail } from '@/lib/domain/mail/account-mails';
import { personalWorkspaceName, workspaceSlug } from '@/lib/domain/workspaces/workspace-slug';
import { RATE_LIMITS, withLimitSetting } from '@/lib/security/rate-limit';
import type { TSignUp } from '@/lib/validation/auth';
import { hashPassword } from '../../auth/password';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { queueMail } from '../../jobs/mail-jobs';
import { appUrl } from '../../mail/app-url';
import { enforceRateLimit } from '../../security/enforce-rate-limit';
import { queueVerificationMail } from '../account/email-verification';
import { recordAuditEvent } from '../audit/record-audit-event';

const addressSubject = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 32);

/**
 * The per-IP rule, its limit overridable with SIGN_UP_LIMIT_PER_IP: a school or newsroom that signs
 * everyone up from one NAT address raises it, and so does the e2e server, whose whole suite
 * (including a body fuzzer aimed at this route) comes from 127.0.0.1.
 */
const signUpIpRule = () => withLimitSetting(RATE_LIMITS.signUpIp, process.env.SIGN_UP_LIMIT_PER_IP);

/** Tells the owner of a known address that someone tried to sign up with it (instead of telling the caller). */
async function mailExistingOwner(email: string) {
  const owner = await db().user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (!owner) return;
  const mail = signUpExistingMail({
    name: owner.name,
    signInUrl: appUrl('/signin'),
    resetUrl: appUrl('/forgot-password'),
  });
  await db().$transaction((tx) =>
    queueMail(tx, { kind: 'sign_up_existing', to: email, requestedById: owner.id, ...mail }),
  );
}

/**
 * Creates the account (its address not yet confirmed: a verification mail goes out) and the
 * user's own workspace, where they are the owner. For an address that already has an account,
 * nothing is created and its owner gets a mail: the caller is answered the same either way, so
 * sign-up does not tell who has an account. Rate-limited per client IP and per address, checked
 * before the password is hashed; the hash is computed in both cases, so both take as long.
 */
export type SignUpResult = { created: true; userId: string; workspaceSlug: string } | { created: false };

export async function signUpUser(input: TSignUp & { ip: string }): Promise<SignUpResult> {
  const message = 'Too many sign-ups.';
  await enforceRateLimit(signUpIpRule(), input.ip, message);
  await enforceRateLimit(RATE_LIMITS.signUpAccount, addressSubject(input.email), message);
  const passwordHash = await hashPassword(input.password);
  const workspaceName = personalWorkspaceName(input.name);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: { id: true, email: true, name: true },
      });
      const workspace = await tx.workspace.create({
        data: {
          name: workspaceName,
          slug: workspaceSlug(workspaceName, randomBytes(3).toString('hex')),
          memberships: { create: { userId: user.id, role: 'owner' } },
        },
      });
      await recordAuditEvent(tx, {
        workspaceId: null,
        actorId: user.id,
        action: 'user.signed_up',
        objectType: 'user',
        objectId: user.id,
        after: { email: user.email, name: user.name },
      });
      await recordAuditEvent(tx, {
        workspaceId: workspace.id,
        actorId: user.id,
        action: 'workspace.created',
        objectType: 'workspace',
        objectId: workspace.id,
        after: { name: workspace.name, slug: workspace.slug, ownerId: user.id },
      });
      await queueVerificationMail(tx, user);
      return { created: true as const, userId: user.id, workspaceSlug: workspace.slug };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      await mailExistingOwner(input.email);
      return { created: false };
    }
    throw error;
  }
}
