import { existsSync } from 'node:fs';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from './context.ts';
import { refuseCrossSiteWrites } from './lib/cross-site.ts';
import { answerFrameworkError, databaseUnavailable, installErrorHandler } from './lib/http.ts';
import { loggerOptions, requestIdHeader, requestIdOf, type LogSettings } from './lib/logging.ts';
import { Metrics, metricsGuard } from './lib/metrics.ts';
import { sseClientCount } from './lib/sse.ts';
import { importJobsByState } from './modules/imports/queue-depth.ts';
import { compressAnswers, serveWebApp } from './lib/web-assets.ts';
import { installAuthHook } from './modules/auth/hook.ts';
import { idempotencyPlugin } from './modules/idempotency/plugin.ts';
import { modules } from './modules/index.ts';

// Validation messages without a message of their own still reach users in Chinese.
z.config(z.locales.zhCN());

export const maxUploadBytes = 20 * 1024 * 1024;

/**
 * The pages' Content-Security-Policy (issue 16 item 8): scripts, workers and connections only
 * from this origin, no plugins, no framing, no foreign form targets. Styles allow inline because
 * antd writes its CSS-in-JS into <style> elements at run time; nothing else is inline.
 */
const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's metrics; a module registers its job queue with `registerQueue`. */
    metrics: Metrics;
  }
}

/**
 * Build the HTTP app without listening, so tests inject requests directly. Logs go to stdout at
 * LOG_LEVEL (info by default) unless `log` says otherwise.
 */
export async function buildApp(ctx: AppContext, options: { log?: LogSettings } = {}) {
  const app = Fastify({
    logger: loggerOptions(options.log),
    genReqId: requestIdOf,
    trustProxy: ctx.config.trustedProxies?.length ? ctx.config.trustedProxies : false,
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header(requestIdHeader, request.id);
  });
  const metrics = new Metrics({ pool: ctx.dbh.poolStats, sseClients: sseClientCount });
  metrics.registerQueue('imports', importJobsByState(ctx.dbh.db));
  app.decorate('metrics', metrics);
  app.addHook('onResponse', metrics.observe);

  // The security headers of every answer, from one helmet middleware built here: the fastify
  // plugin built a new one on every request (a tenth of a rush's request handling).
  const securityHeaders = helmet({ contentSecurityPolicy: { directives: contentSecurityPolicy } });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  await compressAnswers(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1 } });
  await app.register(swagger, {
    openapi: { info: { title: '城乡结对帮扶平台 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', refuseCrossSiteWrites);
  installAuthHook(app, ctx);
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && (request.user || reply.hasHeader('content-disposition')))
      reply.header('cache-control', 'no-store');
  });
  await app.register(idempotencyPlugin, { db: ctx.dbh.db });
  // Degraded (503) whenever the database does not answer, whatever the reason: a balancer then
  // routes around this process, and nothing here depends on telling the reasons apart.
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: '健康检查' } },
    async (request, reply) => {
      try {
        await ctx.dbh.query('select 1');
        return { ok: true, db: ctx.dbh.kind };
      } catch (err) {
        request.log.warn(err);
        return reply.status(503).send({ ok: false, db: ctx.dbh.kind, ...databaseUnavailable });
      }
    },
  );
  app.get(
    '/metrics',
    { onRequest: metricsGuard(ctx.config.metrics), schema: { hide: true } },
    async (_request, reply) =>
      reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  for (const register of modules) await app.register(register(ctx), { prefix: '/api' });

  if (ctx.config.webDist && existsSync(ctx.config.webDist)) {
    await serveWebApp(app, ctx.config.webDist);
  }
  return app;
}
