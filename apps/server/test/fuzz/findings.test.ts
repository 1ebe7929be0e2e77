// Regressions of what fuzzing every route found: each answered 5xx or an error not in the shared
// shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../harness.ts';
import { createScenario, type Scenario } from '../scenario.ts';

let env: TestEnv;
let scenario: Scenario;
beforeAll(async () => {
  env = await createTestEnv();
  scenario = await createScenario(env, 'fd');
});
afterAll(() => env.close());

describe('what fuzzing found', () => {
  it('answers a path parameter over the router limit with 414 in the shared shape', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/public/checkins/${'x'.repeat(101)}`,
    });
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({
      error: { code: 'uri_too_long', message: '请求地址过长', fields: {} },
    });
  });

  it.each([
    ['the units workbook', () => '/api/imports/units'],
    ['the registry workbook', () => `/api/orgs/${scenario.a.village.id}/people/import`],
  ])('refuses %s cut short mid-part with 400 in the shared shape', async (_, url) => {
    const res = await env.app.inject({
      method: 'POST',
      url: url(),
      headers: {
        cookie: scenario.actors.city_admin.cookie,
        'content-type': 'multipart/form-data; boundary=zz',
        'idempotency-key': 'fuzz-multipart-1',
      },
      payload: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'malformed_upload',
        message: '上传内容不完整或格式有误，请重新上传',
        fields: {},
      },
    });
  });

  it('answers an assessment of a secretary id past the int range with 404', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/secretaries/2147483648/assessments',
      headers: { cookie: scenario.actors.city_admin.cookie, 'idempotency-key': 'fuzz-assess-1' },
      payload: { year: 2025, incomeCreated: 0, insurancePremiums: 1, lines: [] },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it.each([
    ['PUT', '/api/pairings/2147483648/department', { responsibleDepartment: '办公室' }],
    ['POST', '/api/pairings/9007199254740991/roster/1/end', { to: '2026-01-01' }],
  ] as const)(
    'answers %s %s (a pairing id past the int range) with 404',
    async (method, url, payload) => {
      const res = await env.app.inject({
        method,
        url,
        headers: { cookie: scenario.actors.district_admin.cookie },
        payload,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    },
  );
});
