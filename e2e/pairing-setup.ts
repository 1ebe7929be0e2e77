import { randomBytes } from 'node:crypto';
import { expect, inject } from 'vitest';
import { demoAccount } from './browser.ts';
import type { DemoAccount } from './server.ts';

// What the ledger's journeys need before a browser opens: the API as a demo account, and a
// pairing signed by both sides, made between a unit of 市国资委党委 and a village of 朱泾镇 that
// are not the demo accounts' own, by the admins above them (相对集中 for the unit, the town for
// the village), so the demo unit and village stay as other journeys expect.

export const phone = { width: 390, height: 844 };

/** Today in China time, or `offsetDays` from it. */
export const chinaDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

export type Api = <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<T>;

/** The API as a demo account, signed in from here (not from a browser). */
export async function apiAs(account: DemoAccount): Promise<Api> {
  const baseUrl = inject('baseUrl');
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  expect(login.status, await login.clone().text()).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        cookie,
        'x-requested-with': 'journey',
        'idempotency-key': `journey-${randomBytes(8).toString('hex')}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as never;
  };
}

export type Org = { id: number; name: string };

/**
 * An org of `kind` on the caller's first page other than `not`: the first, or the last so that
 * two journeys running side by side pick different ones.
 */
async function pickOrg(api: Api, kind: string, not: string, end: 'first' | 'last') {
  const { items } = await api<{ items: Org[] }>('GET', `/orgs?kind=${kind}&pageSize=10`);
  const others = items.filter((o) => o.name !== not);
  const org = end === 'first' ? others[0] : others.pop();
  if (!org) throw new Error(`no ${kind} other than ${not}`);
  return org;
}

type Project = {
  title: string;
  target: string;
  budget: number;
  indicator: { description: string; quantity: number; unit: string };
};

export type SignedPairing = { pairingId: number; unit: Org; village: Org; urban: Api; rural: Api };

/**
 * A round whose term starts today (its signing deadline), so a record of today lies in it; one
 * intention accepted, its agreement given `yearlyFund` a year and `project`, signed by both sides.
 */
export async function signedPairing(options: {
  roundName: string;
  pick: 'first' | 'last';
  yearlyFund: number;
  project: Project;
}): Promise<SignedPairing> {
  const city = await apiAs(demoAccount('city_admin'));
  const urban = await apiAs(demoAccount('district_admin', '国资委'));
  const rural = await apiAs(demoAccount('town_admin'));
  const today = chinaDay();
  const unit = await pickOrg(urban, 'urban_unit', demoAccount('unit_admin').orgName, options.pick);
  const village = await pickOrg(
    rural,
    'village',
    demoAccount('village_admin').orgName,
    options.pick,
  );

  const { round } = await city<{ round: { id: number } }>('POST', '/rounds', {
    name: `${options.roundName} ${Date.now()}`,
    periodStart: today,
    periodEnd: chinaDay(3 * 365),
    intentionDeadline: today,
    signingDeadline: today,
    termEnd: chinaDay(3 * 365),
  });
  // The demo city has uncovered villages, so every later stage change needs a confirmed reason.
  const advance = (to: string) =>
    city('POST', `/rounds/${round.id}/transitions`, { to, confirm: true, reason: '测试推进' });
  await advance('intentions_open');
  const submitted = await urban<{ intention: { id: number } }>(
    'POST',
    `/rounds/${round.id}/intentions`,
    { ruralOrgId: village.id, urbanOrgId: unit.id },
  );
  const { agreementId } = await rural<{ agreementId: number }>(
    'POST',
    `/intentions/${submitted.intention.id}/accept`,
  );
  await advance('balancing');
  await advance('signing');

  type Agreement = {
    version: number;
    content: { yearlyFunds: { year: number; amount: number }[]; projects: unknown[] };
  };
  const draft = await urban<Agreement>('GET', `/agreements/${agreementId}`);
  const saved = await urban<Agreement>('PUT', `/agreements/${agreementId}`, {
    version: draft.version,
    content: {
      ...draft.content,
      yearlyFunds: draft.content.yearlyFunds.map((f) => ({ ...f, amount: options.yearlyFund })),
      projects: [{ ...options.project, year: Number(today.slice(0, 4)) }],
    },
  });
  await urban('POST', `/agreements/${agreementId}/sign`, { version: saved.version });
  await rural('POST', `/agreements/${agreementId}/sign`, { version: saved.version });
  return { pairingId: agreementId, unit, village, urban, rural };
}
