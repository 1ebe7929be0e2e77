import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/client.ts';
import { AppError, type FieldErrors } from './errors.ts';

/** The answer while the database cannot be reached: the request may be retried later. */
export const databaseUnavailable = {
  error: { code: 'database_unavailable', message: '数据库暂时无法连接，请稍后重试', fields: {} },
};

/** Failures from the framework and its plugins, by status: a code of ours, never theirs. */
const genericAnswers: Record<number, [string, string]> = {
  413: ['payload_too_large', '文件过大'],
  414: ['uri_too_long', '请求地址过长'],
  415: ['unsupported_media_type', '不支持的内容类型'],
  429: ['rate_limited', '请求过于频繁，请稍后再试'],
  500: ['internal_error', '服务器内部错误'],
};

/** Turn every failure into `{ error: { code, message, fields } }` with a 4xx/5xx status, never a stack. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.warn({ err }, 'refused: %s', err.code);
      return reply.status(err.status).send({
        error: { code: err.code, message: err.message, fields: err.fields ?? {} },
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldErrors = {};
      for (const issue of err.validation) {
        const key = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || '_';
        fields[key] ??= issue.message ?? '格式不正确';
      }
      return reply.status(422).send({
        error: { code: 'validation_failed', message: '输入有误，请检查标出的字段', fields },
      });
    }
    if (isDatabaseUnavailable(err)) {
      request.log.error({ err }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send(databaseUnavailable);
    }
    const status =
      err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) request.log.error({ err }, 'request failed');
    const [code, message] = genericAnswers[status] ?? ['bad_request', '请求无效'];
    return reply.status(status).send({ error: { code, message, fields: {} } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: '接口不存在', fields: {} } }),
  );
}

/**
 * The router's own refusals (a malformed URL, a path parameter over 100 characters), which it
 * answers before any hook or the error handler runs: in the shared shape too.
 */
export function answerFrameworkError(err: FastifyError, _request: unknown, reply: FastifyReply) {
  const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
  const [code, message] = genericAnswers[status] ?? ['bad_request', '请求无效'];
  return reply.status(status).send({ error: { code, message, fields: {} } });
}

/**
 * onRequest hook of a public write that takes no session: only a JSON body is accepted. A page on
 * another site can send a form (urlencoded, multipart, text/plain) anywhere without asking, but a
 * JSON body needs a CORS preflight this server never grants; signed-in writes have the SameSite
 * cookie for the same purpose.
 */
export async function requireJsonBody(request: FastifyRequest) {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new AppError(415, 'unsupported_media_type', '请以 JSON 格式提交');
  }
}
