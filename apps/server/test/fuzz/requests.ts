import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { breakers, fieldsOf, valid, type Pools } from './json-schema.ts';
import { fillPath, type Operation, type Parameter } from './operations.ts';

export type FuzzRequest = Pick<InjectOptions, 'method' | 'headers' | 'payload'> & {
  url: string;
  /** What was broken, for the failure report; absent on a valid request. */
  broken?: string;
};

type Parts = {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  /** Replaces the JSON body with raw bytes under this content type. */
  raw?: { type: string; bytes: string | Buffer };
  headers: Record<string, string>;
};

const encode = (value: unknown) => encodeURIComponent(String(value));

function toRequest(op: Operation, parts: Parts, broken?: string): FuzzRequest {
  const path = fillPath(
    op.path,
    Object.fromEntries(Object.entries(parts.path).map(([k, v]) => [k, encode(v)])),
  );
  const query = Object.entries(parts.query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encode(v)}`)
    .join('&');
  const headers = { ...parts.headers };
  let payload: InjectOptions['payload'];
  if (parts.raw) {
    headers['content-type'] = parts.raw.type;
    payload = parts.raw.bytes;
  } else if (parts.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(parts.body);
  }
  return {
    method: op.method,
    url: query ? `${path}?${query}` : path,
    headers,
    ...(payload === undefined ? {} : { payload }),
    ...(broken ? { broken } : {}),
  };
}

function params(list: Parameter[], pools: Pools, all: boolean) {
  return fc.record(Object.fromEntries(list.map((p) => [p.name, valid(p.schema, pools)])), {
    requiredKeys: list.filter((p) => all || p.required).map((p) => p.name),
  });
}

/** One file in the multipart field `file`: random bytes under a random name and type. */
const upload = fc
  .record({
    bytes: fc.uint8Array({ maxLength: 4096 }),
    name: fc.constantFrom(
      'a.xlsx',
      'photo.jpg',
      'x.pdf',
      '../../etc/passwd',
      '照片.png',
      'a\u0000.heic',
    ),
    type: fc.constantFrom(
      'application/octet-stream',
      'image/jpeg',
      'application/pdf',
      'text/plain',
    ),
    field: fc.constantFrom('file', 'file', 'other'),
  })
  .map(({ bytes, name, type, field }) => multipart(field, name, type, Buffer.from(bytes)));

export function multipart(field: string, fileName: string, type: string, bytes: Buffer) {
  const boundary = `----fuzz${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    bytes: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

/** Everything a create may carry: the idempotency key the web app sends. */
const idempotency = fc.uuid().map((key) => ({ 'idempotency-key': key }));

function validParts(op: Operation, pools: Pools): fc.Arbitrary<Parts> {
  return fc.record({
    path: params(op.pathParams, pools, true),
    query: params(op.query, pools, false),
    body: op.body
      ? op.body.required
        ? valid(op.body.schema, pools)
        : fc.option(valid(op.body.schema, pools), { nil: undefined })
      : fc.constant(undefined),
    raw: op.multipart ? upload : fc.constant(undefined),
    headers: op.method === 'POST' ? idempotency : fc.constant({}),
  }) as fc.Arbitrary<Parts>;
}

/** Requests the route's schema accepts; extra unknown fields ride along in some bodies. */
export function validRequest(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(validParts(op, pools), fc.boolean()).map(([parts, extra]) => {
    const body =
      extra && parts.body && typeof parts.body === 'object' && !Array.isArray(parts.body)
        ? { ...parts.body, unexpected: 'extra field' }
        : parts.body;
    return toRequest(op, { ...parts, body });
  });
}

type Mutation = { broken: string; apply: (parts: Parts) => Parts };

const setIn = (value: unknown, at: string[], to: unknown, remove = false): unknown => {
  const [key, ...rest] = at;
  const object =
    value && typeof value === 'object' && !Array.isArray(value)
      ? { ...(value as Record<string, unknown>) }
      : {};
  if (rest.length) object[key!] = setIn(object[key!], rest, to, remove);
  else if (remove) delete object[key!];
  else object[key!] = to;
  return object;
};

/** The ways to break one request of this route; each is refused by the schema alone. */
function mutations(op: Operation): Mutation[] {
  const list: Mutation[] = [];
  for (const p of op.pathParams)
    for (const bad of breakers(p.schema, true))
      list.push({
        broken: `path ${p.name}=${JSON.stringify(bad)}`,
        apply: (x) => ({ ...x, path: { ...x.path, [p.name]: bad } }),
      });
  for (const p of op.query)
    for (const bad of breakers(p.schema, true))
      list.push({
        broken: `query ${p.name}=${JSON.stringify(bad)}`,
        apply: (x) => ({ ...x, query: { ...x.query, [p.name]: bad } }),
      });
  if (op.body) {
    const schema = op.body.schema;
    for (const bad of breakers(schema, false).filter((b) => b !== null || op.body!.required))
      list.push({ broken: `body ${JSON.stringify(bad)}`, apply: (x) => ({ ...x, body: bad }) });
    for (const field of fieldsOf(schema)) {
      for (const bad of breakers(field.schema, false))
        list.push({
          broken: `body.${field.at.join('.')}=${JSON.stringify(bad)?.slice(0, 40)}`,
          apply: (x) => ({ ...x, body: setIn(x.body, field.at, bad) }),
        });
      if (field.required && field.at.length === 1)
        list.push({
          broken: `body without ${field.at.join('.')}`,
          apply: (x) => ({ ...x, body: setIn(x.body, field.at, undefined, true) }),
        });
    }
    list.push(
      {
        broken: 'body not JSON',
        apply: (x) => ({ ...x, raw: { type: 'application/json', bytes: '{"a":' } }),
      },
      {
        broken: 'body of 3 MB',
        apply: (x) => ({
          ...x,
          raw: { type: 'application/json', bytes: `"${'x'.repeat(3 * 1024 * 1024)}"` },
        }),
      },
      {
        broken: 'body setting __proto__',
        apply: (x) => ({
          ...x,
          raw: { type: 'application/json', bytes: '{"__proto__":{"isAdmin":true}}' },
        }),
      },
      {
        broken: 'body as text/plain',
        apply: (x) => ({ ...x, raw: { type: 'text/plain', bytes: 'hello' } }),
      },
    );
  }
  if (op.multipart)
    list.push(
      {
        broken: 'upload as JSON',
        apply: (x) => ({ ...x, raw: { type: 'application/json', bytes: '{}' } }),
      },
      {
        broken: 'upload with broken multipart',
        apply: (x) => ({
          ...x,
          raw: { type: 'multipart/form-data; boundary=zz', bytes: '--zz\r\nnonsense' },
        }),
      },
    );
  return list;
}

/** Requests with one part broken, or nothing if the route takes no input to break. */
export function invalidRequest(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> | undefined {
  const list = mutations(op);
  if (!list.length) return undefined;
  return fc
    .tuple(validParts(op, pools), fc.constantFrom(...list))
    .map(([parts, m]) => toRequest(op, m.apply(parts), m.broken));
}
