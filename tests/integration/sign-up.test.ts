import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/signup/route';
import { db } from '@/server/db';
import { countRows, uniqueEmail } from './helpers';

function signUpRequest(body: unknown, init: { contentType?: string; raw?: string; origin?: string | null } = {}) {
  const origin = init.origin === undefined ? 'http://localhost' : init.origin;
  return new Request('http://localhost/api/signup', {
    method: 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json', ...(origin === null ? {} : { origin }) },
    body: init.raw ?? JSON.stringify(body),
  });
}

const context = { params: Promise.resolve({}) };

describe('POST /api/signup', () => {
  it('creates the user, a personal workspace they own, and audit events', async () => {
    const email = uniqueEmail('Ada');
    const response = await POST(
      signUpRequest({ name: 'Ada Lovelace', email: email.toUpperCase(), password: 'analytical engine' }),
      context,
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { id: string; email: string }; workspace: { slug: string } };
    expect(body.user.email).toBe(email.toLowerCase());
    expect(JSON.stringify(body)).not.toContain('passwordHash');

    const membership = await db().membership.findFirstOrThrow({
      where: { userId: body.user.id },
      include: { workspace: true },
    });
    expect(membership.role).toBe('owner');
    expect(membership.workspace.name).toBe("Ada's workspace");
    expect(membership.workspace.slug).toBe(body.workspace.slug);

    const stored = await db().user.findUniqueOrThrow({ where: { id: body.user.id }, select: { passwordHash: true } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const actions = await db().auditEvent.findMany({ where: { actorId: body.user.id }, select: { action: true } });
    expect(actions.map((event) => event.action).sort()).toEqual(['user.signed_up', 'workspace.created']);
  });

  it('refuses a duplicate email, whatever its case, with 409 and writes nothing', async () => {
    const email = uniqueEmail('dup');
    expect((await POST(signUpRequest({ name: 'First', email, password: 'first password' }), context)).status).toBe(201);
    const before = await countRows();
    const response = await POST(
      signUpRequest({ name: 'Second', email: email.toUpperCase(), password: 'second password' }),
      context,
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: 'CONFLICT', fields: { email: [expect.any(String)] } },
    });
    expect(await countRows()).toEqual(before);
  });

  it.each([
    ['a malformed email', { name: 'X', email: 'not-an-email', password: 'long enough pass' }, 'email'],
    ['a short password', { name: 'X', email: 'short@example.test', password: 'short' }, 'password'],
    ['a missing name', { email: 'noname@example.test', password: 'long enough pass' }, 'name'],
    ['an overlong password', { name: 'X', email: 'long@example.test', password: 'x'.repeat(129) }, 'password'],
  ])('refuses %s with 422 naming the field, and writes nothing', async (_label, body, field) => {
    const before = await countRows();
    const response = await POST(signUpRequest(body), context);
    expect(response.status).toBe(422);
    const json = (await response.json()) as {
      error: { code: string; message: string; fields: Record<string, string[]> };
    };
    expect(json.error.code).toBe('INVALID_INPUT');
    expect(json.error.fields[field]?.length).toBeGreaterThan(0);
    expect(await countRows()).toEqual(before);
  });

  it('refuses an oversized body with 413 before parsing it', async () => {
    const before = await countRows();
    const response = await POST(
      signUpRequest({ name: 'x'.repeat(10_000), email: 'big@example.test', password: 'long enough pass' }),
      context,
    );
    expect(response.status).toBe(413);
    expect(await countRows()).toEqual(before);
  });

  it.each([
    ['from another site', 'https://evil.example'],
    ['with Origin: null', 'null'],
    ['without an Origin', null],
  ])('refuses a sign-up %s with 403 (login CSRF) and writes nothing', async (_label, origin) => {
    const before = await countRows();
    const response = await POST(
      signUpRequest({ name: 'Mallory', email: uniqueEmail('csrf'), password: 'long enough pass' }, { origin }),
      context,
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'CSRF', message: 'Cross-site request refused.' } });
    expect(await countRows()).toEqual(before);
  });

  it('refuses invalid JSON with 400 and a non-JSON content type with 415', async () => {
    const before = await countRows();
    expect((await POST(signUpRequest(null, { raw: '{"name": ' }), context)).status).toBe(400);
    expect(
      (await POST(signUpRequest(null, { raw: 'name=x', contentType: 'application/x-www-form-urlencoded' }), context))
        .status,
    ).toBe(415);
    expect(await countRows()).toEqual(before);
  });
});
