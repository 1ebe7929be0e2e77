import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// In a module without zod, so that a page calling the API by path needs no schema library.
export { pathOf } from './path.ts';

/**
 * One route, declared once: the server registers it from this object (lib/routes.ts) and the web
 * calls it through `call(contract, …)` (apps/web/src/api/client.ts). `path` lies under `/api`
 * and names its parameters `:name`.
 */
export type RouteContract = {
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Content types other than JSON that the body may take (an upload: multipart/form-data). */
  consumes?: readonly string[];
  /** By status; a route whose answer is not JSON (a file, a stream) declares none. */
  response?: { [status: number]: z.ZodType };
  /**
   * A create that a phone on a bad network may retry: it needs an `Idempotency-Key` header, runs
   * once per key and user, and replays its first answer (the server's idempotency plugin).
   */
  idempotent?: boolean;
};

export const defineRoute = <const C extends RouteContract>(contract: C) => contract;

/** The id of any record, in a path or a body. */
export const id = z.coerce
  .number()
  .int('编号应为整数')
  .positive('编号应为正整数')
  .max(Number.MAX_SAFE_INTEGER);
export const idParams = z.object({ id });

/** The answer of a write that has nothing else to say. */
export const ok = z.object({ ok: z.literal(true) });

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
export type ParamsOf<C extends RouteContract> = Out<C['params']>;
/** A query by its keys; each value typed, or as the text a URL carries (the server coerces). */
export type QueryOf<C extends RouteContract> = C['query'] extends z.ZodObject
  ? { [K in keyof z.output<C['query']>]?: z.output<C['query']>[K] | string }
  : undefined;
export type BodyOf<C extends RouteContract> = C['body'] extends z.ZodType
  ? z.input<C['body']>
  : undefined;
type SuccessStatus = 200 | 201 | 202;
/** The answer of a success, as the web receives it. */
export type ResponseOf<C extends RouteContract> =
  C['response'] extends Record<number, z.ZodType>
    ? z.output<C['response'][Extract<keyof C['response'], SuccessStatus>]>
    : unknown;

/** The caller's abilities on a presented object: one boolean per action its policy names. */
export function abilities<const A extends readonly string[]>(actions: A) {
  return z.object(
    Object.fromEntries(actions.map((a) => [a, z.boolean()])),
  ) as unknown as z.ZodObject<{
    [K in A[number]]: z.ZodBoolean;
  }>;
}
export type Abilities<A extends string> = Record<A, boolean>;
