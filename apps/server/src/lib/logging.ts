import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';

/** Where and how much the server logs: JSON lines (pino) on stdout unless a stream is given. */
export type LogSettings = { level?: string; stream?: NodeJS.WritableStream };

/**
 * `LOG_LEVEL` (pino's levels); `info` when unset, so every request and every 5xx is logged by
 * default. Set but empty it turns logs off, as it did before logs were on by default.
 */
export const logLevelFromEnv = (env: NodeJS.ProcessEnv) =>
  env.LOG_LEVEL === undefined ? 'info' : env.LOG_LEVEL || 'silent';

/** A caller's own request id is kept only when it is a short token that is safe in a log line. */
const safeRequestId = /^[A-Za-z0-9._:-]{1,64}$/;
export const requestIdHeader = 'x-request-id';

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[requestIdHeader];
  return typeof given === 'string' && safeRequestId.test(given) ? given : randomUUID();
}

/** Drizzle puts a failed statement's parameters (names, ID numbers) after `params:`. */
const withoutParams = (text: string) => text.replace(/\nparams: [\s\S]*$/, '');

/**
 * An error as it is logged: its type, message, code, stack and causes, and nothing else. A
 * database error's other fields (`detail` names the conflicting values) and a failed query's
 * parameters may hold personal data.
 */
type LoggedError = { type: string; message: string; stack: string; [field: string]: unknown };

export function serializeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err), stack: '' };
  const message = withoutParams(err.message);
  const code = (err as { code?: unknown }).code;
  return {
    type: err.constructor?.name ?? err.name,
    message,
    ...(code !== undefined ? { code } : {}),
    stack: (err.stack ?? '').replace(err.message, message),
    ...(err.cause !== undefined && depth < 4
      ? { cause: serializeError(err.cause, depth + 1) }
      : {}),
  };
}

/** A request in a log line: no headers, no body, and the path without its query (searches). */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url.split('?')[0],
    route: request.routeOptions?.url,
    remoteAddress: request.ip,
  };
}

/** Fastify's logger options: pino at the given level, with the serializers above. */
export function loggerOptions(settings: LogSettings = {}) {
  return {
    level: settings.level ?? logLevelFromEnv(process.env),
    ...(settings.stream ? { stream: settings.stream } : {}),
    serializers: { req: serializeRequest, err: serializeError },
    // Nothing logs headers today; if anything does, credentials stay out.
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  };
}
