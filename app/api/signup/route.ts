import { NextResponse } from 'next/server';
import { ZSignUp } from '@/lib/validation/auth';
import { signUpUser } from '@/server/data/users/sign-up-user';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

const SIGN_UP_BODY_LIMIT = 4 * 1024;

/** Public by design: creates an account and its personal workspace. */
export const POST = jsonRoute(async (request) => {
  const input = await readJsonBody(request, ZSignUp, SIGN_UP_BODY_LIMIT);
  const user = await signUpUser(input);
  return NextResponse.json(
    { user: { id: user.id, email: user.email, name: user.name }, workspace: { slug: user.workspaceSlug } },
    { status: 201 },
  );
});
