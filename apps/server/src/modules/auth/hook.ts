import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { authenticate } from './service.ts';
import { authSettings } from './settings.ts';

export function installAuthHook(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[authSettings.cookieName];
    if (!token) return;
    const user = await authenticate(ctx.dbh.db, ctx.clock, token);
    request.user = user ? { ...user, ip: request.ip } : null;
  });
}
