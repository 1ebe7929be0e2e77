import { authApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { presentMe } from './present.ts';
import { changePassword, login, logout } from './service.ts';
import { endSession, listSessions, recentSignIns } from './sessions.ts';
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
          userAgent: request.headers['user-agent'],
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

    route(app, authApi.sessions, async (request) => ({
      items: await listSessions(
        ctx.dbh.db,
        requireScope(request),
        request.cookies[authSettings.cookieName] ?? '',
      ),
    }));

    route(app, authApi.endSession, async (request) => {
      await endSession(ctx.dbh.db, requireScope(request), request.params.id);
      return { ok: true as const };
    });

    route(app, authApi.signIns, async (request) => ({
      items: await recentSignIns(ctx.dbh.db, requireScope(request)),
    }));

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
