import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound, invalid } from '../../../lib/errors.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { intentionParties } from '../../intentions/read-for-agreements.ts';
import { roundForAgreement } from '../../rounds/read.ts';
import { asPackId } from '../rules.ts';
import { agreements, agreementVersions } from '../schema.ts';
import { draftFromTemplate } from '../template.ts';
import { auditView, recordAgreementChange } from './record.ts';

export type CreateDraftInput = {
  intentionId: number;
  /** Who accepted the intention; recorded in the audit log. */
  actor?: Scope | null;
};

type Party = {
  path: string;
  weak_village: boolean;
  province_code: string;
  contact_name: string | null;
  contact_phone: string | null;
};

const party = async (tx: Db, orgId: number) =>
  (
    await queryRows<Party>(
      tx,
      sql`select path, weak_village, province_code, contact_name, contact_phone
          from org_directory where id = ${orgId}`,
    )
  )[0];

/**
 * Create the draft agreement of an accepted intention inside the caller's transaction, from the
 * round's policy-pack template. Idempotent: a second call for the same intention returns the
 * existing draft with `created: false`.
 */
export async function createDraftAgreement(
  tx: Db,
  input: CreateDraftInput,
): Promise<{ agreementId: number; created: boolean }> {
  const intention = await intentionParties(tx, input.intentionId);
  if (!intention) throw notFound('意向不存在');
  const round = await roundForAgreement(tx, intention.roundId);
  if (!round) throw notFound('结对轮次不存在');
  const packId = asPackId(round.packId);
  const urban = await party(tx, intention.urbanOrgId);
  const rural = await party(tx, intention.ruralOrgId);
  if (!urban || !rural) throw notFound('结对组织不存在');
  const termStart = round.signingDeadline;
  if (round.termEnd < termStart) throw invalid('轮次的协议期止于签约截止日之前');
  const content = draftFromTemplate({
    packId,
    termStart,
    termEnd: round.termEnd,
    weakVillage: rural.weak_village,
    urbanContact: { name: urban.contact_name, phone: urban.contact_phone },
    ruralContact: { name: rural.contact_name, phone: rural.contact_phone },
  });
  const [inserted] = await tx
    .insert(agreements)
    .values({
      roundId: intention.roundId,
      intentionId: intention.id,
      packId,
      urbanOrgId: intention.urbanOrgId,
      ruralOrgId: intention.ruralOrgId,
      provinceCode: rural.province_code,
      termStart,
      termEnd: round.termEnd,
      pen: 'urban',
      content,
    })
    .onConflictDoNothing({
      target: agreements.intentionId,
      where: sql`${agreements.amendsId} is null`,
    })
    .returning();
  if (!inserted) {
    const [existing] = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.intentionId, intention.id), sql`${agreements.amendsId} is null`));
    return { agreementId: existing.id, created: false };
  }
  await tx.insert(agreementVersions).values({
    agreementId: inserted.id,
    version: 1,
    side: null,
    content,
    editedBy: input.actor?.userId ?? null,
  });
  await recordAgreementChange(tx, input.actor ?? null, {
    action: 'agreement.create',
    id: inserted.id,
    parties: { urbanPath: urban.path, ruralPath: rural.path },
    after: { ...auditView(inserted), intentionId: intention.id, content },
  });
  return { agreementId: inserted.id, created: true };
}
