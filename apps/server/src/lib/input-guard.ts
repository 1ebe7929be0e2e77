import type { FastifyRequest } from 'fastify';
import { invalid, unauthorized } from './errors.ts';

// What no field of this platform accepts, whatever its schema says (issue 16 item 5): control
// characters (tab and line breaks aside, for long texts). PostgreSQL refuses a NUL in text with
// an error that used to surface as a 500; this answers 422 before any handler runs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The path of the first string with a control character in `value` ('' for the value itself). */
function findControl(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (CONTROL.test(key)) return path ? `${path}.${key}` : key;
    const found = findControl(item, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** preValidation: refuse control characters in the path, the query and a JSON body. */
export async function refuseControlCharacters(request: FastifyRequest) {
  for (const part of [request.params, request.query, request.body]) {
    const field = findControl(part, '');
    if (field !== null) {
      throw invalid('输入含有不可见的控制字符', { [field || '_']: '含有不可见的控制字符' });
    }
  }
}

/**
 * preValidation of every route that needs a session (issue 16 item 9): an anonymous caller learns
 * nothing of a route's schema from its validation errors, it is told to sign in first.
 */
export async function signedInFirst(request: FastifyRequest) {
  if (!request.user) throw unauthorized();
}

/** Routes that answer without a session: the public pages and signing in or out. */
export const isAnonymousPath = (path: string) =>
  path.startsWith('/public/') || path === '/auth/login' || path === '/auth/logout';
