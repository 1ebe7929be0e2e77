import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError, unauthorized } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { authenticate, type SessionUser } from './service.ts';
import { authSettings } from './settings.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** Routes a user who must still change the password may call. */
    allowPasswordChangePending?: boolean;
  }
}

export function installAuthHook(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[authSettings.cookieName];
    if (!token) return;
    const user = await authenticate(ctx.dbh.db, ctx.clock, token);
    request.user = user ? { ...user, ip: request.ip } : null;
  });
}

/** The caller's scope, or 401. A user who must change the password gets 403 until they do. */
export function requireScope(request: FastifyRequest): Scope & SessionUser {
  const user = request.user;
  if (!user) throw unauthorized();
  if (user.mustChangePassword && !request.routeOptions.config.allowPasswordChangePending) {
    throw new AppError(403, 'password_change_required', '首次登录请先修改密码');
  }
  return user;
}
