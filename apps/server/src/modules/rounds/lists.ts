import { and, asc, eq, sql } from 'drizzle-orm';
import type { ListItemView } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { orgs } from '../orgs/schema.ts';
import { authorize } from './policy.ts';
import { roundNeeds, roundResources } from './schema.ts';
import { getRound } from './service.ts';

export type ListItem = { category: string; note?: string | null; amount?: number | null };

// 需求清单 belongs to a village or town, 资源清单 to an urban unit (S2 §2.2).
const kinds = {
  needs: {
    table: roundNeeds,
    orgKinds: ['village', 'town'],
    action: 'editNeeds',
    entity: 'round_needs',
  },
  resources: {
    table: roundResources,
    orgKinds: ['urban_unit'],
    action: 'editResources',
    entity: 'round_resources',
  },
} as const;
export type ListKind = keyof typeof kinds;

async function findOrg(
  db: Db,
  scope: Scope,
  roundPath: string,
  orgId: number,
  kind: ListKind,
  write: boolean,
) {
  const [org] = await db
    .select({ id: orgs.id, path: orgs.path })
    .from(orgs)
    .where(
      and(
        eq(orgs.id, orgId),
        sql`${orgs.kind}::text in (${sql.join(
          kinds[kind].orgKinds.map((k) => sql`${k}`),
          sql`, `,
        )})`,
        sql`${orgs.path} like ${pathPrefix(roundPath)}`,
        // Anyone in the round may read a list; only the org's own side may write it.
        write ? sql`${orgs.path} like ${pathPrefix(scope.path)}` : undefined,
      ),
    );
  if (!org) throw notFound('组织不存在');
  return org;
}

export async function readList(
  db: Db,
  scope: Scope,
  roundId: number,
  orgId: number,
  kind: ListKind,
): Promise<ListItemView[]> {
  authorize(scope, 'read');
  const round = await getRound(db, scope, roundId);
  await findOrg(db, scope, round.scopePath, orgId, kind, false);
  const t = kinds[kind].table;
  return db
    .select({ id: t.id, category: t.category, note: t.note, amount: t.amount })
    .from(t)
    .where(and(eq(t.roundId, roundId), eq(t.orgId, orgId)))
    .orderBy(asc(t.id));
}

/** Replace the org's whole list in one transaction (the form edits it as a whole). */
export async function replaceList(
  db: Db,
  scope: Scope,
  roundId: number,
  orgId: number,
  kind: ListKind,
  items: ListItem[],
): Promise<ListItemView[]> {
  authorize(scope, kinds[kind].action);
  return db.transaction(async (tx) => {
    const round = await getRound(tx, scope, roundId);
    if (!['draft', 'intentions_open', 'balancing'].includes(round.state))
      throw conflict('round_not_editable', '本轮结对已进入协议签订阶段，清单不能再修改');
    const org = await findOrg(tx, scope, round.scopePath, orgId, kind, true);
    const t = kinds[kind].table;
    const before = await tx
      .delete(t)
      .where(and(eq(t.roundId, roundId), eq(t.orgId, orgId)))
      .returning({ category: t.category, note: t.note, amount: t.amount });
    const after = items.length
      ? await tx
          .insert(t)
          .values(
            items.map((i) => ({
              roundId,
              orgId,
              category: i.category,
              note: i.note ?? null,
              amount: i.amount ?? null,
            })),
          )
          .returning({ id: t.id, category: t.category, note: t.note, amount: t.amount })
      : [];
    await recordAudit(tx, scope, {
      action: `${kinds[kind].entity}.replaced`,
      entity: kinds[kind].entity,
      entityId: orgId,
      scopePath: org.path,
      before,
      after,
    });
    return after;
  });
}
