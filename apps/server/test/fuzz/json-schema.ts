import fc from 'fast-check';
import type { JsonSchema } from './operations.ts';

// A small JSON-Schema → fast-check generator for the shapes zod's OpenAPI output uses here
// (object, array, string with enum/pattern/length, integer/number with bounds, boolean, nullable,
// oneOf). No maintained library maps JSON Schema onto fast-check arbitraries (they produce plain
// samples without fast-check's seeds and shrinking), and these shapes are few.

export type Pools = {
  /** Ids that exist in the database, so generated ids often reach a real row. */
  ids: number[];
};

const isoDate = /^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$$/;

/** Real calendar days around the platform's years, and sometimes impossible ones (2026-02-31). */
const dates = fc.oneof(
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
);

/** Text as users paste it: any Unicode, control characters, right-to-left marks, lone surrogates. */
const text = (minLength: number, maxLength: number) =>
  fc.oneof(
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    fc.string({ minLength, maxLength, unit: 'binary' }),
    fc.string({
      minLength,
      maxLength,
      unit: fc.constantFrom('\u0001', '\u001f', '\u007f', '\u202e', '\ufeff', "'", '%', '\\', 'a'),
    }),
  );

function integers(schema: JsonSchema, pools: Pools) {
  const min = lowerBound(schema);
  const max = upperBound(schema);
  const edges = [min, max, 2147483647, 2147483648, 32767, 32768].filter(
    (n) => n >= min && n <= max,
  );
  const known = pools.ids.filter((id) => id >= min && id <= max);
  const near = fc.integer({ min, max: Math.min(max, min + 1000) });
  return fc.oneof(
    { weight: 3, arbitrary: known.length ? fc.constantFrom(...known) : near },
    { weight: 2, arbitrary: near },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
  );
}

function lowerBound(schema: JsonSchema) {
  const min = schema.minimum ?? Number.MIN_SAFE_INTEGER;
  if (schema.exclusiveMinimum === true) return min + 1;
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + 1;
  return min;
}

function upperBound(schema: JsonSchema) {
  const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
  if (schema.exclusiveMaximum === true) return max - 1;
  if (typeof schema.exclusiveMaximum === 'number') return schema.exclusiveMaximum - 1;
  return max;
}

function strings(schema: JsonSchema) {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 200;
  if (schema.pattern) {
    const matching = isoDate.test(schema.pattern)
      ? dates
      : fc.stringMatching(new RegExp(schema.pattern));
    return matching.filter((s) => s.length >= minLength && s.length <= maxLength);
  }
  return fc.oneof(
    { weight: 4, arbitrary: text(minLength, Math.min(maxLength, 40)) },
    {
      weight: 1,
      arbitrary: fc.constant('x'.repeat(Math.max(minLength, Math.min(maxLength, 100_000)))),
    },
  );
}

/** Values the schema accepts. */
export function valid(schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  const base = validNotNull(schema, pools);
  return schema.nullable ? fc.oneof(fc.constant(null), base) : base;
}

function validNotNull(schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  if (schema.oneOf ?? schema.anyOf)
    return fc.oneof(...(schema.oneOf ?? schema.anyOf)!.map((s) => valid(s, pools)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'integer':
      return integers(schema, pools);
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e12,
        max: schema.maximum ?? 1e12,
        noNaN: true,
        noDefaultInfinity: true,
        minExcluded: schema.exclusiveMinimum === true,
        maxExcluded: schema.exclusiveMaximum === true,
      });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return strings(schema);
    case 'array':
      return fc.array(valid(schema.items ?? {}, pools), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, Math.max(schema.minItems ?? 0, 5)),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const record = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, valid(value, pools)]),
      );
      return fc.record(record, {
        requiredKeys: (schema.required ?? []).filter((k) => k in properties),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Values the schema refuses, as a JSON body or (`asText`) a path or query value would carry
 * them; empty when it accepts anything of that form.
 */
export function breakers(schema: JsonSchema, asText: boolean): unknown[] {
  const bad: unknown[] = [];
  if (!asText && !schema.nullable) bad.push(null);
  if (schema.oneOf ?? schema.anyOf) return asText ? [] : [...bad, 'x', 7, []];
  if (schema.enum) bad.push('not-a-value', asText ? 'a\u0000b' : 7);
  switch (schema.type) {
    case 'integer':
    case 'number': {
      bad.push(
        asText ? 'abc' : '12',
        asText ? '1e400' : { n: 1 },
        asText ? '99999999999999999999999' : 1e300,
      );
      if (schema.type === 'integer') bad.push(asText ? '1.5' : 1.5);
      if (schema.minimum !== undefined) bad.push(lowerBound(schema) - 1);
      if (schema.maximum !== undefined) bad.push(upperBound(schema) + 1);
      return bad;
    }
    case 'boolean':
      return [...bad, asText ? 'maybe' : 'true', 1];
    case 'string':
      bad.push('a\u0000b');
      if (!asText) bad.push(42, ['x']);
      if (schema.pattern) bad.push(asText ? 'x' : '2026-13-45x');
      if (schema.maxLength !== undefined) bad.push('x'.repeat(schema.maxLength + 1));
      if ((schema.minLength ?? 0) > 0) bad.push('');
      return bad;
    case 'array':
      if (asText) return bad;
      bad.push('x', { 0: 1 });
      if ((schema.minItems ?? 0) > 0) bad.push([]);
      return bad;
    case 'object':
      return asText ? bad : [...bad, 'x', [1], 3];
    default:
      return bad;
  }
}

/** Every field of an object schema, at any depth, with the path to reach it. */
export function fieldsOf(
  schema: JsonSchema,
  at: string[] = [],
): { at: string[]; schema: JsonSchema; required: boolean }[] {
  if (schema.type !== 'object' || !schema.properties) return [];
  return Object.entries(schema.properties).flatMap(([key, child]) => [
    { at: [...at, key], schema: child, required: (schema.required ?? []).includes(key) },
    ...fieldsOf(child, [...at, key]),
  ]);
}
