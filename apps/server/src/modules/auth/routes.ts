import { me } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireScope } from '../../lib/scope.ts';
import { newPasswordSchema } from './password.ts';
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

    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: '登录',
          body: z.object({
            username: z.string().trim().min(1, '请输入用户名').max(64),
            password: z.string().min(1, '请输入密码').max(128),
          }),
          response: { 200: z.object({ user: me }) },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const { token, user } = await login(ctx.dbh.db, ctx.clock, {
          ...request.body,
          ip: request.ip,
        });
        reply.setCookie(authSettings.cookieName, token, cookieOptions);
        return { user };
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: { tags: ['auth'], summary: '退出登录' },
        config: { allowPasswordChangePending: true },
      },
      async (request, reply) => {
        const token = request.cookies[authSettings.cookieName];
        if (token) await logout(ctx.dbh.db, token);
        reply.clearCookie(authSettings.cookieName, cookieOptions);
        return { ok: true };
      },
    );

    app.get(
      '/auth/me',
      {
        schema: { tags: ['auth'], summary: '当前用户', response: { 200: z.object({ user: me }) } },
        config: { allowPasswordChangePending: true },
      },
      async (request) => ({ user: requireScope(request) }),
    );

    app.post(
      '/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: '修改密码',
          body: z.object({
            oldPassword: z.string().min(1, '请输入原密码'),
            newPassword: newPasswordSchema,
          }),
        },
        config: { allowPasswordChangePending: true },
      },
      async (request) => {
        await changePassword(ctx.dbh.db, requireScope(request), request.body);
        return { ok: true };
      },
    );
  };
