// The village (or its town) proposes one poor Party member and one poor resident of the village
// for a cadre of the unit to pair with (R-ONE-PLUS-TWO, S5 §2.3 困难共帮). Both must be registered
// at the village (home or second organization) with the matching kind and tag, and neither may
// already be in a live pair of this pairing (the partial unique indexes decide a race).
import type { HelpPairView, HelpProposal, PersonSummary, PersonTag } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { conflict, invalid } from '../../../lib/errors.ts';
import { keyringOf } from '../../../lib/personal-crypto.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { loadPairingScoped } from '../../ledger/access.ts';
import { readPeople } from '../../people/read.ts';
import { loadPairScoped } from '../access.ts';
import { recordHelpAudit } from '../audit.ts';
import { ensure } from '../policy.ts';
import { presentPairs } from '../present.ts';
import { helpPairs } from '../schema.ts';
import { replayed, type Deps } from './common.ts';

const alreadyPaired = () =>
  conflict('person_already_paired', '该困难党员或困难群众已在本结对的帮带中');

/** Why `person` cannot be proposed as the pair's `role`, or null. */
function unfit(
  person: PersonSummary | undefined,
  kind: 'member' | 'resident',
  tag: PersonTag,
  villageId: number,
): string | null {
  const what = kind === 'member' ? '困难党员' : '困难群众';
  if (!person || (person.orgId !== villageId && person.secondOrgId !== villageId))
    return `未找到本村登记的该${what}`;
  if (person.kind !== kind) return kind === 'member' ? '该人员不是党员' : '该人员不是群众';
  if (!person.tags.includes(tag)) return `该人员未标记为${what}`;
  return null;
}

async function livePairWith(tx: Db, pairingId: number, ids: number[]) {
  const rows = await tx.execute(
    sql`select 1 from help_pairs where pairing_id = ${pairingId}
      and state in ('proposed', 'assigned')
      and (member_id = any(${`{${ids.join(',')}}`}::bigint[])
        or resident_id = any(${`{${ids.join(',')}}`}::bigint[]))
      limit 1`,
  );
  return (rows as unknown as { rows: unknown[] }).rows.length > 0;
}

export async function proposePair(
  deps: Deps,
  scope: Scope,
  pairingId: number,
  input: HelpProposal,
  idempotency: IdempotencyKey | null,
): Promise<HelpPairView> {
  ensure(scope, 'propose');
  try {
    return await deps.db.transaction(async (tx) => {
      const pairing = await loadPairingScoped(tx, scope, pairingId);
      ensure(scope, 'propose', pairing);
      const people = new Map(
        (await readPeople(tx, keyringOf(deps.config), [input.memberId, input.residentId])).map(
          (p) => [p.id, p],
        ),
      );
      const fields: Record<string, string> = {};
      const member = unfit(people.get(input.memberId), 'member', 'poorMember', pairing.ruralOrgId);
      const resident = unfit(
        people.get(input.residentId),
        'resident',
        'poorResident',
        pairing.ruralOrgId,
      );
      if (member) fields.memberId = member;
      if (resident) fields.residentId = resident;
      if (member || resident) throw invalid(member ?? resident!, fields);
      if (await livePairWith(tx, pairingId, [input.memberId, input.residentId]))
        throw alreadyPaired();

      const [inserted] = await tx
        .insert(helpPairs)
        .values({
          pairingId,
          provinceCode: pairing.provinceCode,
          state: 'proposed',
          memberId: input.memberId,
          residentId: input.residentId,
          note: input.note,
          proposedBy: scope.userId,
          proposedAt: deps.clock.now(),
        })
        .returning({ id: helpPairs.id });
      await recordHelpAudit(tx, scope, {
        action: 'helpPair.proposed',
        entity: 'help_pair',
        entityId: inserted.id,
        pairing,
        after: { pairingId, memberId: input.memberId, residentId: input.residentId },
      });
      const row = await loadPairScoped(tx, scope, inserted.id);
      const [view] = await presentPairs(tx, deps.config, scope, [row]);
      if (idempotency && !(await recordAnswer(tx, idempotency, 201, view))) throw replayed();
      return view;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyPaired();
    throw err;
  }
}
