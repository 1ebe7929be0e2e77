// The town (or the district or city above) records a term of a village secretary: a registry
// person tagged 村党组织书记, a village in its scope, from (and for a past term, to) a date, and
// the base subsidy a year. A village has one secretary at a time, a person one term at a time.
import type { SecretaryDetail, TermInput } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, conflict, invalid, notFound } from '../../../lib/errors.ts';
import type { Keyring } from '../../../lib/personal-crypto.ts';
import { authorize } from '../../../lib/policy.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { withinScope } from '../../orgs/sql.ts';
import { readPeople } from '../../people/read.ts';
import { lockTermsOf } from '../access.ts';
import { recordSecretaryAudit } from '../audit.ts';
import { can } from '../policy.ts';
import { presentSecretary } from '../present.ts';
import { secretaryTerms } from '../schema.ts';
import { overlapping } from './overlap.ts';

const replayed = () => new AppError(409, 'idempotent_replay', '该请求已处理，将返回首次的结果');

export async function createTerm(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  input: TermInput,
  today: string,
  idempotency: IdempotencyKey | null = null,
): Promise<SecretaryDetail> {
  authorize(can, scope, 'assess');
  if (input.to !== null && input.to < input.from)
    throw invalid('任期结束日期不能早于开始日期', { to: '不能早于开始日期' });
  if (input.to !== null && input.to > today)
    throw invalid('已结束的任期，结束日期不能晚于今天', { to: '不能晚于今天' });
  return db.transaction(async (tx) => {
    const [village] = await queryRows<{ path: string; kind: string; provinceCode: string }>(
      tx,
      sql`select v.path, v.kind, v.province_code as "provinceCode" from org_directory v
        where v.id = ${input.villageId} and ${withinScope(sql`v.path`, scope)}`,
    );
    if (!village) throw notFound('村不存在或不在您的管理范围内');
    if (village.kind !== 'village')
      throw invalid('村党组织书记的任期须登记在行政村', { villageId: '请选择行政村' });
    const [person] = await readPeople(
      tx,
      keyring,
      [input.personId],
      sql`(${withinScope(sql`ho.path`, scope)} or ${withinScope(sql`so.path`, scope)})`,
    );
    if (!person) throw notFound('人员不存在或不在您的管理范围内');
    if (!person.tags.includes('villageSecretary'))
      throw invalid('该人员未标记为村党组织书记，请先在人员名册中添加该身份', {
        personId: '未标记为村党组织书记',
      });

    await lockTermsOf(tx, input.villageId, input.personId);
    const clash = await overlapping(tx, input, null);
    if (clash === 'person') throw conflict('term_overlap', '该人员在这段时间已有村党组织书记任期');
    if (clash === 'village')
      throw conflict('village_has_secretary', '该村在这段时间已有村党组织书记，请先结束其任期');

    const [term] = await tx
      .insert(secretaryTerms)
      .values({
        personId: input.personId,
        villageId: input.villageId,
        provinceCode: village.provinceCode,
        fromDate: input.from,
        toDate: input.to,
        baseSubsidyPerYear: input.baseSubsidyPerYear,
        createdBy: scope.userId,
        ...(input.to === null ? {} : { endedBy: scope.userId, endedAt: sql`now()` }),
      })
      .returning({ id: secretaryTerms.id });
    await recordSecretaryAudit(tx, scope, {
      action: 'secretary.term.create',
      entity: 'secretary_term',
      entityId: term.id,
      scopePath: village.path,
      after: { ...input },
    });
    const detail = await presentSecretary(tx, keyring, scope, input.personId, today);
    if (idempotency && !(await recordAnswer(tx, idempotency, 201, detail))) throw replayed();
    return detail;
  });
}
