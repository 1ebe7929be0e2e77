import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Scope } from '../../lib/scope.ts';
import { users } from '../auth/schema.ts';
import { createDraftAgreement } from '../agreements/service.ts';
import { stageWorkForRounds } from '../agreements/stage-for-rounds.ts';
import { acceptIntention } from '../intentions/commands/accept.ts';
import { intentionsForRounds } from '../intentions/read-for-rounds.ts';
import { submitIntention } from '../intentions/commands/submit.ts';
import { orgs } from '../orgs/schema.ts';
import { chinaDay } from '../rounds/dates.ts';
import { rounds } from '../rounds/schema.ts';
import { createRound } from '../rounds/service.ts';
import { transitionRound } from '../rounds/transition.ts';

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const demoBalancingName = '组织分配演示轮次（综合平衡）';

/**
 * The demo city's round in balancing (综合平衡), for the 组织分配 page: a few voluntary
 * intentions of 市国资委党委's units with villages of 朱泾镇 (most accepted; two left pending,
 * which lapsed when the round moved on before the intention deadline), and
 * every other village still uncovered. Built through the round and intention services, acting as
 * the demo accounts `city_admin`, `sasac_admin` and `zhujing_admin`; returns null when those are
 * missing, and the existing round on later starts.
 */
export async function seedDemoRound(ctx: AppContext) {
  const db = ctx.dbh.db;
  const [existing] = await db.select().from(rounds).where(eq(rounds.name, demoBalancingName));
  if (existing) return existing;
  const accounts = await db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      orgId: users.orgId,
      path: orgs.path,
    })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(inArray(users.username, ['city_admin', 'sasac_admin', 'zhujing_admin']));
  const as = (username: string): Scope | undefined => {
    const a = accounts.find((x) => x.username === username);
    return a && { userId: a.id, username: a.username, role: a.role, orgId: a.orgId, path: a.path };
  };
  const [city, committee, town] = [as('city_admin'), as('sasac_admin'), as('zhujing_admin')];
  if (!city || !committee || !town) return null;

  const today = chinaDay(ctx.clock.now());
  const end = addDays(today, 3 * 365);
  const round = await createRound(db, city, {
    name: demoBalancingName,
    periodStart: today,
    periodEnd: end,
    intentionDeadline: addDays(today, 30),
    signingDeadline: addDays(today, 90),
    termEnd: end,
  });
  const stage = { reader: intentionsForRounds, work: stageWorkForRounds };
  await transitionRound(db, city, ctx.clock, stage, round.id, { to: 'intentions_open' });
  const units = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(eq(orgs.kind, 'urban_unit'), like(orgs.path, `${committee.path}%`)))
    .orderBy(asc(orgs.id))
    .limit(6);
  const villages = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(eq(orgs.kind, 'village'), like(orgs.path, `${town.path}%`)))
    .orderBy(asc(orgs.code))
    .limit(units.length);
  for (const [i, village] of villages.entries()) {
    const intention = await submitIntention(db, committee, ctx.clock, {
      roundId: round.id,
      ruralOrgId: village.id,
      urbanOrgId: units[i].id,
    });
    if (i < villages.length - 2)
      await acceptIntention(db, town, ctx.clock, intention.id, {
        draftAgreement: createDraftAgreement,
      });
  }
  return transitionRound(db, city, ctx.clock, stage, round.id, {
    to: 'balancing',
    confirm: true,
    reason: '演示：提前结束意向申报，进入综合平衡',
  });
}
