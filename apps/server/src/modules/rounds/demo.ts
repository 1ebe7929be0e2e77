import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../../lib/clock.ts';
import { queryRows } from '../../lib/rows.ts';
import { chinaDay } from './dates.ts';
import { rounds } from './schema.ts';
import { defaultPackId, defaultVillageCap } from './service.ts';

/** The demo round is found by its name, so other demo rounds (e.g. one in balancing) stay apart. */
export const demoRoundName = '新一轮城乡党组织结对帮扶（演示）';

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo city's open round, so a fresh start shows the directory, the board and the intention
 * flow at once. The deadlines lie ahead of the start day (S1's 30 April / 1 July would already
 * have passed most of the year); the term runs three years like S1's 2010–2013 round.
 * Returns the existing demo round on later starts.
 */
export async function seedDemoRound(db: Db, clock: Clock, cityOrgId: number) {
  const [existing] = await db.select().from(rounds).where(eq(rounds.name, demoRoundName));
  if (existing) return existing;
  const today = chinaDay(clock.now());
  const end = addDays(today, 3 * 365);
  return db.transaction(async (tx) => {
    const [city] = await queryRows<{ path: string }>(
      tx,
      sql`select path from org_directory where id = ${cityOrgId}`,
    );
    const [round] = await tx
      .insert(rounds)
      .values({
        orgId: cityOrgId,
        scopePath: city.path,
        name: demoRoundName,
        periodStart: today,
        periodEnd: end,
        policyPackId: defaultPackId,
        intentionDeadline: addDays(today, 60),
        signingDeadline: addDays(today, 120),
        termEnd: end,
        villageCap: defaultVillageCap,
        state: 'intentions_open',
      })
      .returning();
    await recordAudit(tx, null, {
      action: 'round.created',
      entity: 'round',
      entityId: round.id,
      scopePath: round.scopePath,
      after: round,
    });
    return round;
  });
}
