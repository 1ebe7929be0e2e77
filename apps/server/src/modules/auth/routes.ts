import { authApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { presentMe } from './present.ts';
import { changePassword, login, logout } from './service.ts';
import { authSettings } from './settings.ts';

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: ctx.config.secureCookies,
    };
    const pendingPasswordChange = { allowPasswordChangePending: true };

    route(
      app,
      authApi.login,
      async (request, reply) => {
        const { token, user } = await login(ctx.dbh.db, ctx.clock, {
          ...request.body,
          ip: request.ip,
        });
        reply.setCookie(authSettings.cookieName, token, cookieOptions);
        return { user: presentMe(user) };
      },
      { rateLimit: { max: 30, timeWindow: '1 minute' } },
    );

    route(
      app,
      authApi.logout,
      async (request, reply) => {
        const token = request.cookies[authSettings.cookieName];
        if (token) await logout(ctx.dbh.db, token);
        reply.clearCookie(authSettings.cookieName, cookieOptions);
        return { ok: true as const };
      },
      pendingPasswordChange,
    );

    route(
      app,
      authApi.me,
      async (request) => ({ user: presentMe(requireScope(request)) }),
      pendingPasswordChange,
    );

    route(
      app,
      authApi.changePassword,
      async (request) => {
        const token = request.cookies[authSettings.cookieName] ?? '';
        await changePassword(ctx.dbh.db, requireScope(request), request.body, token);
        return { ok: true as const };
      },
      pendingPasswordChange,
    );
  };
