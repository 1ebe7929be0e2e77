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

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), init);
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
  return data as T;
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

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  upload: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<T>('POST', path, form);
  },
};
