import type { RouteContract } from '@pairing/shared';
import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RouteOptions,
} from 'fastify';
import type { z } from 'zod';
import { isAnonymousPath, refuseControlCharacters, signedInFirst } from './input-guard.ts';

type Out<S> = S extends z.ZodType ? z.output<S> : unknown;

/** The request of a contract's route, typed by its schemas (as validated and coerced). */
export type RequestOf<C extends RouteContract> = FastifyRequest<{
  Params: Out<C['params']>;
  Querystring: Out<C['query']>;
  Body: Out<C['body']>;
}>;

/** What a handler answers: the success body (serialized through the response schema) or the reply. */
type AnswerOf<C extends RouteContract> =
  C['response'] extends Record<number, z.ZodType>
    ? z.input<C['response'][keyof C['response']]> | FastifyReply
    : unknown;

export type Handler<C extends RouteContract> = (
  request: RequestOf<C>,
  reply: FastifyReply,
) => Promise<AnswerOf<C>>;

/**
 * Register a route from its contract (packages/shared): method, path, schemas and the OpenAPI
 * summary come from the contract, so the server and the web cannot disagree on them. An
 * idempotent contract marks its route for the idempotency plugin (modules/idempotency). `config`
 * and `hooks` carry what is the server's alone (rate limits, admission of streams).
 */
export function route<C extends RouteContract>(
  app: FastifyInstance,
  contract: C,
  handler: Handler<C>,
  config: FastifyContextConfig = {},
  hooks: Pick<RouteOptions, 'onRequest'> = {},
) {
  app.route({
    ...hooks,
    preValidation: isAnonymousPath(contract.path)
      ? [refuseControlCharacters]
      : [signedInFirst, refuseControlCharacters],
    method: contract.method,
    url: contract.path,
    schema: {
      tags: [...contract.tags],
      summary: contract.summary,
      ...(contract.description ? { description: contract.description } : {}),
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      ...(contract.consumes ? { consumes: [...contract.consumes] } : {}),
      ...(contract.response ? { response: contract.response } : {}),
    },
    config: { ...config, idempotent: contract.idempotent === true },
    handler: handler as unknown as RouteOptions['handler'],
  });
}
