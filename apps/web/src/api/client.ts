import {
  pathOf,
  type BodyOf,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  type RouteContract,
} from '@pairing/shared';

/**
 * Sent with every request: the server refuses a write without JSON or this header, which a page
 * of another site cannot send without the server's consent (CSRF, docs/architecture.md).
 */
export const clientHeaders = { 'x-requested-with': 'pairing-web' };

/** The API's error shape: `{ error: { code, message, fields } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

let onUnauthorized: (() => void) | null = null;
let onPasswordChangeRequired: (() => void) | null = null;

/** The auth provider registers what a 401 (idle expiry) or a pending password change does. */
export function setSessionHandlers(handlers: {
  unauthorized: () => void;
  passwordChangeRequired: () => void;
}) {
  onUnauthorized = handlers.unauthorized;
  onPasswordChangeRequired = handlers.passwordChangeRequired;
}

// A 401 from these means "wrong password" or "not signed in yet", not an expired session.
const quiet401 = new Set(['/api/auth/login', '/api/auth/me', '/api/auth/logout']);

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * GETs a page will make, started early (`prefetchGet`): beside the sign-in's or start's
 * `/api/auth/me` instead of after the page's code has rendered. The first request for the same URL
 * within a few seconds takes the answer (once); a stale one is dropped.
 */
const prefetched = new Map<string, { at: number; answer: Promise<Response> }>();
const prefetchFreshMs = 10_000;

export function prefetchGet(url: string) {
  if (prefetched.has(url)) return;
  const answer = fetch(url, { credentials: 'same-origin', headers: clientHeaders });
  answer.catch(() => undefined);
  prefetched.set(url, { at: Date.now(), answer });
}

/** Drop the early answers: they were asked for under a session that has just changed. */
export function forgetPrefetched() {
  prefetched.clear();
}

function takePrefetched(url: string) {
  const early = prefetched.get(url);
  prefetched.delete(url);
  return early && Date.now() - early.at < prefetchFreshMs ? early.answer : undefined;
}

async function request(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<{ data: unknown; headers: Headers }> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { ...clientHeaders, ...headers },
    signal,
  };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const url = withQuery(path, query);
  const early = method === 'GET' && !signal ? takePrefetched(url) : undefined;
  let response: Response;
  try {
    response = await (early ?? fetch(url, init));
  } catch {
    throw new ApiError(0, 'network', networkMessage());
  }
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; fields?: object } })?.error;
    const apiError = new ApiError(
      response.status,
      error?.code ?? 'error',
      error?.message ?? `${response.status} ${response.statusText}`,
      (error?.fields as Record<string, string>) ?? {},
    );
    if (response.status === 401 && !quiet401.has(path)) onUnauthorized?.();
    if (response.status === 403 && apiError.code === 'password_change_required') {
      onPasswordChangeRequired?.();
    }
    throw apiError;
  }
  return { data, headers: response.headers };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function networkMessage() {
  return localStorage.getItem('pairing.lang') === 'en'
    ? 'Cannot reach the server. Check the network and try again.'
    : '无法连接服务器，请检查网络后重试';
}

export type CallOptions<C extends RouteContract> = {
  params?: ParamsOf<C>;
  query?: QueryOf<C>;
  body?: BodyOf<C> | FormData;
  /** For an idempotent contract: one key per user action, sent again on a retry. */
  idempotencyKey?: string;
  /** Ends a request that takes too long (the offline outbox); it then fails as a network error. */
  signal?: AbortSignal;
};

/** Call a route by its contract (packages/shared): the answer and the response headers. */
export async function send<C extends RouteContract>(contract: C, options: CallOptions<C> = {}) {
  const body = options.body ?? (contract.method === 'GET' ? undefined : {});
  const headers: Record<string, string> = options.idempotencyKey
    ? { 'idempotency-key': options.idempotencyKey }
    : {};
  const path = pathOf(contract, options.params ?? undefined);
  const { data, headers: responseHeaders } = await request(
    contract.method,
    path,
    body,
    (options.query ?? undefined) as Query | undefined,
    headers,
    options.signal,
  );
  return { data: data as ResponseOf<C>, headers: responseHeaders };
}

/** Call a route by its contract and answer its success body. */
export const call = async <C extends RouteContract>(contract: C, options: CallOptions<C> = {}) =>
  (await send(contract, options)).data;

/** The URL of a route that answers a file (a download link), query included. */
export const hrefOf = <C extends RouteContract>(
  contract: C,
  options: Pick<CallOptions<C>, 'params' | 'query'> = {},
) => withQuery(pathOf(contract, options.params ?? undefined), options.query as Query | undefined);

/** A fresh idempotency key; crypto.getRandomValues works on plain http too, unlike randomUUID. */
export function newIdempotencyKey(prefix = 'req'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
