import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { auditApi, authApi, defineRoute, importsApi, roundsApi, usersApi } from '@pairing/shared';
import {
  ApiError,
  call,
  hrefOf,
  forgetPrefetched,
  newIdempotencyKey,
  prefetchGet,
  send,
  setSessionHandlers,
} from './client.ts';
import { failure, json, stubFetch } from '../test/render.tsx';

const getThing = defineRoute({
  method: 'GET',
  path: '/orgs/:id/things/:name',
  summary: 'a thing',
  tags: ['test'],
  params: z.object({ id: z.number(), name: z.string() }),
  query: z.object({
    q: z.string(),
    page: z.number(),
    flag: z.boolean(),
    empty: z.string(),
    none: z.string(),
  }),
  response: { 200: z.object({ ok: z.boolean() }) },
});

const createThing = defineRoute({
  method: 'POST',
  path: '/things',
  summary: 'make a thing',
  tags: ['test'],
  body: z.object({ name: z.string() }),
  response: { 201: z.object({ id: z.number() }) },
  idempotent: true,
});

const touchThing = defineRoute({
  method: 'POST',
  path: '/things/touch',
  summary: 'touch',
  tags: ['test'],
});

const unauthorized = vi.fn();
const passwordChangeRequired = vi.fn();

beforeEach(() => {
  unauthorized.mockReset();
  passwordChangeRequired.mockReset();
  setSessionHandlers({ unauthorized, passwordChangeRequired });
});
afterEach(() => localStorage.clear());

/** The refusal a call ended with. */
async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('call: the request it sends', () => {
  it('fills and encodes path parameters under /api and leaves empty query values out', async () => {
    const { fetch } = stubFetch({ '/api/orgs/:id/things/:name': { ok: true } });
    const answer = await call(getThing, {
      params: { id: 5, name: 'a b/c' },
      query: { q: '村 1', page: 2, flag: false, empty: '', none: undefined },
    });
    expect(answer).toEqual({ ok: true });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/orgs/5/things/a%20b%2Fc?q=%E6%9D%91+1&page=2&flag=false');
    expect(init?.method).toBe('GET');
    expect(init?.body).toBeUndefined();
  });

  it('adds no question mark when every query value is empty', async () => {
    const { fetch } = stubFetch({ '/api/orgs/:id/things/:name': { ok: true } });
    await call(getThing, { params: { id: 1, name: 'x' }, query: { q: '', none: undefined } });
    expect(fetch.mock.calls[0][0]).toBe('/api/orgs/1/things/x');
  });

  it('sends a JSON body, and {} for a write without one', async () => {
    const { fetch } = stubFetch({
      'POST /api/things': json({ id: 7 }, 201),
      '/api/things/touch': {},
    });
    expect(await call(createThing, { body: { name: '新' } })).toEqual({ id: 7 });
    await call(touchThing);
    const [, first] = fetch.mock.calls[0];
    expect(first?.body).toBe(JSON.stringify({ name: '新' }));
    expect((first?.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(fetch.mock.calls[1][1]?.body).toBe('{}');
  });

  it('sends the Idempotency-Key header only when a key is given', async () => {
    const { fetch } = stubFetch({ 'POST /api/things': json({ id: 7 }, 201) });
    await call(createThing, { body: { name: 'a' }, idempotencyKey: 'req-42' });
    await call(createThing, { body: { name: 'a' } });
    expect((fetch.mock.calls[0][1]?.headers as Record<string, string>)['idempotency-key']).toBe(
      'req-42',
    );
    expect(fetch.mock.calls[1][1]?.headers).not.toHaveProperty('idempotency-key');
  });

  it('send answers the response headers too', async () => {
    stubFetch({
      'POST /api/things': () =>
        new Response(JSON.stringify({ id: 1 }), {
          status: 201,
          headers: { 'idempotent-replayed': 'true' },
        }),
    });
    const { data, headers } = await send(createThing, { body: { name: 'a' } });
    expect(data).toEqual({ id: 1 });
    expect(headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers undefined for an empty success body', async () => {
    stubFetch({ '/api/things/touch': () => new Response(null, { status: 204 }) });
    expect(await call(touchThing)).toBeUndefined();
  });

  it('builds a download link with its query', () => {
    expect(
      hrefOf(getThing, { params: { id: 3, name: 'x.xlsx' }, query: { q: 'a', none: '' } }),
    ).toBe('/api/orgs/3/things/x.xlsx?q=a');
  });

  it('makes a fresh prefixed idempotency key each time', () => {
    const a = newIdempotencyKey('submit');
    expect(a).toMatch(/^submit-[0-9a-f]{32}$/);
    expect(newIdempotencyKey('submit')).not.toBe(a);
  });
});

describe('error decoding', () => {
  it('turns { error: { code, message, fields } } into an ApiError', async () => {
    stubFetch({
      'POST /api/things': failure(400, '名称不能为空', 'validation', { name: '请填写名称' }),
    });
    const error = await refusal(call(createThing, { body: { name: '' } }));
    expect(error).toMatchObject({
      status: 400,
      code: 'validation',
      message: '名称不能为空',
      fields: { name: '请填写名称' },
    });
  });

  it('reads a non-JSON error body as the status line', async () => {
    stubFetch({
      '/api/things/touch': () =>
        new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    });
    const error = await refusal(call(touchThing));
    expect(error).toMatchObject({
      status: 502,
      code: 'error',
      message: '502 Bad Gateway',
      fields: {},
    });
  });

  it('reports a network failure as status 0, code network, in the chosen language', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await refusal(call(touchThing));
    expect(error.status).toBe(0);
    expect(error.code).toBe('network');
    expect(error.message).toBe('无法连接服务器，请检查网络后重试');
    localStorage.setItem('pairing.lang', 'en');
    expect((await refusal(call(touchThing))).message).toMatch(/Cannot reach the server/);
  });
});

describe('session handlers', () => {
  it('a 401 elsewhere means the session expired', async () => {
    stubFetch({ '/api/users': failure(401, '登录已过期', 'unauthorized') });
    await refusal(call(usersApi.list));
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it('a 401 from login, me or logout does not', async () => {
    stubFetch({ '/api/auth/:what': failure(401, '用户名或密码错误', 'unauthorized') });
    await refusal(call(authApi.login, { body: { username: 'a', password: 'b' } }));
    await refusal(call(authApi.me));
    await refusal(call(authApi.logout));
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it('a 403 password_change_required asks for the password change; another 403 does not', async () => {
    stubFetch({
      '/api/rounds': failure(403, '请先修改密码', 'password_change_required'),
      '/api/audit': failure(403, '无权访问', 'forbidden'),
    });
    const error = await refusal(call(roundsApi.list));
    expect(error.code).toBe('password_change_required');
    expect(passwordChangeRequired).toHaveBeenCalledTimes(1);
    await refusal(call(auditApi.list));
    expect(passwordChangeRequired).toHaveBeenCalledTimes(1);
    expect(unauthorized).not.toHaveBeenCalled();
  });
});

describe('bodies', () => {
  it('an upload sends the file as form data without a JSON content type', async () => {
    const { fetch } = stubFetch({ 'POST /api/imports/units': { jobId: 3 } });
    const form = new FormData();
    form.append('file', new File(['x'], 'units.xlsx'));
    expect(await call(importsApi.unitsUpload, { body: form })).toEqual({ jobId: 3 });
    const init = fetch.mock.calls[0][1];
    expect(init?.body).toBeInstanceOf(FormData);
    expect((init?.body as FormData).get('file')).toBeInstanceOf(File);
    expect(init?.headers).not.toHaveProperty('content-type');
  });

  it('a PATCH sends its method, filled path and body', async () => {
    const { fetch } = stubFetch({ '/api/users/:id': { ok: true } });
    await call(usersApi.update, { params: { id: 4 }, body: { disabled: true } });
    expect(fetch.mock.calls.map(([url, init]) => [url, init?.method, init?.body])).toEqual([
      ['/api/users/4', 'PATCH', '{"disabled":true}'],
    ]);
  });
});

describe('prefetchGet', () => {
  afterEach(() => vi.useRealTimers());

  it('answers the first GET of the same URL from the early request, once', async () => {
    const { fetch } = stubFetch({ '/api/orgs/:id/things/:name': { ok: true } });
    const url = '/api/orgs/5/things/x?q=a&page=1&flag=true';
    prefetchGet(url);
    prefetchGet(url);
    expect(fetch).toHaveBeenCalledTimes(1);
    const query = { q: 'a', page: 1, flag: true, empty: '', none: '' };
    expect(await call(getThing, { params: { id: 5, name: 'x' }, query })).toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(1);
    await call(getThing, { params: { id: 5, name: 'x' }, query });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('refuses through the early answer as a request would (a 401 ends the session)', async () => {
    stubFetch({ '/api/orgs/:id/things/:name': failure(401, 'unauthorized') });
    prefetchGet('/api/orgs/1/things/y?q=b&page=1&flag=false');
    const query = { q: 'b', page: 1, flag: false, empty: '', none: '' };
    const error = await refusal(call(getThing, { params: { id: 1, name: 'y' }, query }));
    expect(error.status).toBe(401);
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it('serves nothing asked for under the session before (a sign-in forgets them)', async () => {
    const { fetch } = stubFetch({ '/api/orgs/:id/things/:name': { ok: true } });
    prefetchGet('/api/orgs/3/things/w?q=d&page=1&flag=true');
    forgetPrefetched();
    const query = { q: 'd', page: 1, flag: true, empty: '', none: '' };
    await call(getThing, { params: { id: 3, name: 'w' }, query });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('drops an early answer older than a few seconds, and serves no write', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { fetch } = stubFetch({
      '/api/orgs/:id/things/:name': { ok: true },
      'POST /api/things': { id: 1 },
    });
    prefetchGet('/api/orgs/2/things/z?q=c&page=1&flag=true');
    vi.setSystemTime(Date.now() + 60_000);
    const query = { q: 'c', page: 1, flag: true, empty: '', none: '' };
    await call(getThing, { params: { id: 2, name: 'z' }, query });
    expect(fetch).toHaveBeenCalledTimes(2);
    prefetchGet('/api/things');
    await call(createThing, { body: { name: 'n' } });
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(1);
  });
});
