import type { Role } from '@pairing/shared';
import type { FastifyRequest } from 'fastify';
import { AppError, unauthorized } from './errors.ts';

/** Who is acting and over which part of the org tree. Every service query filters by `path`. */
export type Scope = {
  userId: number;
  username: string;
  role: Role;
  orgId: number;
  /** Materialized path of the actor's org, e.g. "/1/7/"; everything under it is in scope. */
  path: string;
  ip?: string;
};

export const inScope = (scope: Pick<Scope, 'path'>, path: string) => path.startsWith(scope.path);

/** SQL LIKE pattern for "inside this path", with LIKE metacharacters escaped. */
export const pathPrefix = (path: string) => path.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';

/** The signed-in user a session resolves to: a scope and what the web shows of the account. */
export type SessionUser = Scope & {
  displayName: string;
  mustChangePassword: boolean;
  orgName: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** Routes a user who must still change the password may call. */
    allowPasswordChangePending?: boolean;
  }
}

/** The caller's scope, or 401. A user who must change the password gets 403 until they do. */
export function requireScope(request: FastifyRequest): SessionUser {
  const user = request.user;
  if (!user) throw unauthorized();
  if (user.mustChangePassword && !request.routeOptions.config.allowPasswordChangePending) {
    throw new AppError(403, 'password_change_required', '首次登录请先修改密码');
  }
  return user;
}
