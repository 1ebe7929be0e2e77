// The outflow organization registers one of its Party members as mobile and gives him his
// certificate number (八个一: 登记持证, R-MOBILE-EIGHT). The home organization is the person's
// own; a person has one flow at a time, a certificate number is never reused.
import type { MobileMemberView, MobileRegisterData } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { conflict, invalid, notFound } from '../../../lib/errors.ts';
import type { Keyring } from '../../../lib/personal-crypto.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { withinScope } from '../../orgs/sql.ts';
import { readPeople } from '../../people/read.ts';
import { loadFile } from '../access.ts';
import { recordMobileAudit, replayed } from '../audit.ts';
import { ensure } from '../policy.ts';
import { presentMembers } from '../present.ts';
import { mobileMembers } from '../schema.ts';

export async function registerMember(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  input: MobileRegisterData,
  idempotency: IdempotencyKey | null = null,
): Promise<MobileMemberView> {
  ensure(scope, 'register');
  try {
    return await db.transaction(async (tx) => {
      const [person] = await readPeople(
        tx,
        keyring,
        [input.personId],
        withinScope(sql`ho.path`, scope),
      );
      if (!person) throw notFound('人员不存在或不在您的管理范围内');
      if (person.kind !== 'member')
        throw invalid('只有党员可以登记为流动党员', { personId: '该人员不是党员' });
      const [inserted] = await tx
        .insert(mobileMembers)
        .values({
          personId: person.id,
          outflowOrgId: person.orgId,
          provinceCode: sql`(select province_code from org_directory where id = ${person.orgId})`,
          certificateNumber: input.certificateNumber,
          reason: input.reason,
          destination: input.destination,
          note: input.note,
          createdBy: scope.userId,
        })
        .returning({ id: mobileMembers.id });
      const row = await loadFile(tx, scope, inserted.id);
      await recordMobileAudit(tx, scope, row, {
        action: 'mobile.registered',
        bothSides: false,
        after: { personId: person.id, reason: input.reason, state: 'registered' },
      });
      const [view] = await presentMembers(tx, keyring, scope, [row]);
      if (idempotency && !(await recordAnswer(tx, idempotency, 201, { member: view })))
        throw replayed();
      return view;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Which of the two unique keys refused it, asked again (not every driver names the index).
    const [taken] = await queryRows<{ id: number }>(
      db,
      sql`select id::int from mobile_members where certificate_number = ${input.certificateNumber}`,
    );
    throw taken
      ? conflict('certificate_taken', '该流动党员证编号已被使用')
      : conflict('already_mobile', '该党员已登记为流动党员，尚未返乡');
  }
}
