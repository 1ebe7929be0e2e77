import type { Role } from '@pairing/shared';
import { hashPassword } from '../src/modules/auth/password.ts';
import { users } from '../src/modules/auth/schema.ts';
import { authSettings } from '../src/modules/auth/settings.ts';
import type { TestEnv } from './harness.ts';

export const testPassword = 'Passw0rd!test';
let hashed: Promise<string> | undefined;

export async function createUser(
  env: TestEnv,
  input: {
    username: string;
    role: Role;
    orgId: number;
    mustChangePassword?: boolean;
    disabled?: boolean;
  },
) {
  hashed ??= hashPassword(testPassword);
  const [user] = await env.dbh.db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.username,
      passwordHash: await hashed,
      orgId: input.orgId,
      role: input.role,
      mustChangePassword: input.mustChangePassword ?? false,
      disabled: input.disabled ?? false,
    })
    .returning();
  return user;
}

/** Sign in through the API and return the Cookie header to send with later requests. */
export async function login(
  env: TestEnv,
  username: string,
  password = testPassword,
  remoteAddress?: string,
) {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
  if (res.statusCode !== 200)
    throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === authSettings.cookieName);
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}
