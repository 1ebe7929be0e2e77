import { and, asc, eq, sql } from 'drizzle-orm';
import type { ListItemView } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { authorize } from '../../lib/policy.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';
import { can } from './policy.ts';
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
  // Anyone in the round may read a list; only the org's own side may write it.
  const [org] = await queryRows<{ id: number; path: string }>(
    db,
    sql`select id::int as "id", path from org_directory
      where id = ${orgId}
        and kind::text in (${sql.join(
          kinds[kind].orgKinds.map((k) => sql`${k}`),
          sql`, `,
        )})
        and ${withinScope(sql`path`, { path: roundPath })}
        ${write ? sql`and ${withinScope(sql`path`, scope)}` : sql``}`,
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
  authorize(can, scope, 'read');
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
  authorize(can, scope, kinds[kind].action);
  return db.transaction(async (tx) => {
    const round = await getRound(tx, scope, roundId);
    if (!can(scope, kinds[kind].action, round))
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
