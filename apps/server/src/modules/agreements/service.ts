import { PACK_IDS, checkSigning, type PackId } from '@pairing/policy';
import type {
  AgreementContent,
  AgreementDiff,
  AgreementSide as Side,
  AgreementSummary,
  AgreementVersion,
  AgreementView,
  Paged,
  PublicCommitment,
} from '@pairing/shared';
import { and, asc, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { notifyBoard } from '../../lib/notify.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { users } from '../auth/schema.ts';
import { orgs } from '../orgs/schema.ts';
import { isPast } from '../rounds/dates.ts';
import { diffContent } from './diff.ts';
import { assertReader, otherSide, requireSide, sideOf } from './policy.ts';
import { agreements, agreementVersions } from './schema.ts';
import { loadIntention, loadRound } from './source.ts';
import { draftFromTemplate } from './template.ts';

const urbanOrg = alias(orgs, 'urban_org');
const ruralOrg = alias(orgs, 'rural_org');
const urbanSigner = alias(users, 'urban_signer');
const ruralSigner = alias(users, 'rural_signer');

const agreementColumns = {
  agreement: agreements,
  urbanName: urbanOrg.name,
  urbanPath: urbanOrg.path,
  ruralName: ruralOrg.name,
  ruralPath: ruralOrg.path,
  weakVillage: ruralOrg.weakVillage,
  urbanSignerName: urbanSigner.displayName,
  ruralSignerName: ruralSigner.displayName,
};

export type LoadedAgreement = {
  agreement: typeof agreements.$inferSelect;
  urbanName: string;
  urbanPath: string;
  ruralName: string;
  ruralPath: string;
  weakVillage: boolean;
  urbanSignerName: string | null;
  ruralSignerName: string | null;
};

function visibleTo(scope: Scope): SQL {
  const prefix = pathPrefix(scope.path);
  return or(sql`${urbanOrg.path} like ${prefix}`, sql`${ruralOrg.path} like ${prefix}`)!;
}

function selectAgreements(db: Db) {
  return db
    .select(agreementColumns)
    .from(agreements)
    .innerJoin(urbanOrg, eq(urbanOrg.id, agreements.urbanOrgId))
    .innerJoin(ruralOrg, eq(ruralOrg.id, agreements.ruralOrgId))
    .leftJoin(urbanSigner, eq(urbanSigner.id, agreements.urbanSignedBy))
    .leftJoin(ruralSigner, eq(ruralSigner.id, agreements.ruralSignedBy));
}

/** The agreement if either party is inside the caller's scope; 404 otherwise (ids do not leak). */
async function loadScoped(db: Db, scope: Scope, id: number, lock = false) {
  assertReader(scope);
  const query = selectAgreements(db).where(and(eq(agreements.id, id), visibleTo(scope)));
  const [row] = await (lock ? query.for('update', { of: agreements }) : query);
  if (!row) throw notFound('协议不存在');
  return row as LoadedAgreement;
}

/** Deepest org path containing both parties: the audit record belongs to the pair as a whole. */
function pairPath(row: Pick<LoadedAgreement, 'urbanPath' | 'ruralPath'>) {
  const a = row.urbanPath.split('/');
  const b = row.ruralPath.split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i).join('/') + '/';
}

const auditView = (a: typeof agreements.$inferSelect) => ({
  status: a.status,
  pen: a.pen,
  version: a.version,
  urbanSignedAt: a.urbanSignedAt,
  ruralSignedAt: a.ruralSignedAt,
});

// ---------------------------------------------------------------------------------------------
// Draft creation (called by the intentions module when the rural side accepts).

export type CreateDraftInput = {
  intentionId: number;
  /** Who accepted the intention; recorded in the audit log. */
  actor?: Scope | null;
};

/**
 * Create the draft agreement of an accepted intention inside the caller's transaction, from the
 * round's policy-pack template. Idempotent: a second call for the same intention returns the
 * existing draft with `created: false`.
 */
export async function createDraftAgreement(
  tx: Db,
  input: CreateDraftInput,
): Promise<{ agreementId: number; created: boolean }> {
  const intention = await loadIntention(tx, input.intentionId);
  if (!intention) throw notFound('意向不存在');
  const round = await loadRound(tx, intention.roundId);
  if (!round) throw notFound('结对轮次不存在');
  const packId = asPackId(round.packId);
  const [urban] = await tx.select().from(orgs).where(eq(orgs.id, intention.urbanOrgId));
  const [rural] = await tx.select().from(orgs).where(eq(orgs.id, intention.ruralOrgId));
  if (!urban || !rural) throw notFound('结对组织不存在');
  const termStart = round.signingDeadline;
  if (round.termEnd < termStart) throw invalid('轮次的协议期止于签约截止日之前');
  const content = draftFromTemplate({
    packId,
    termStart,
    termEnd: round.termEnd,
    weakVillage: rural.weakVillage,
    urbanContact: { name: urban.contactName, phone: urban.contactPhone },
    ruralContact: { name: rural.contactName, phone: rural.contactPhone },
  });
  const [inserted] = await tx
    .insert(agreements)
    .values({
      roundId: intention.roundId,
      intentionId: intention.id,
      packId,
      urbanOrgId: urban.id,
      ruralOrgId: rural.id,
      provinceCode: rural.provinceCode,
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
  await recordAudit(tx, input.actor ?? null, {
    action: 'agreement.create',
    entity: 'agreement',
    entityId: inserted.id,
    scopePath: pairPath({ urbanPath: urban.path, ruralPath: rural.path }),
    after: { ...auditView(inserted), intentionId: intention.id, content },
  });
  return { agreementId: inserted.id, created: true };
}

function asPackId(id: string): PackId {
  if (!(PACK_IDS as string[]).includes(id)) throw invalid(`未知的政策包：${id}`);
  return id as PackId;
}

// ---------------------------------------------------------------------------------------------
// Reads.

export type ListQuery = {
  roundId?: number;
  status?: 'draft' | 'signed';
  page: number;
  pageSize: number;
};

export async function listAgreements(
  db: Db,
  scope: Scope,
  query: ListQuery,
): Promise<Paged<AgreementSummary>> {
  assertReader(scope);
  const where = and(
    visibleTo(scope),
    query.roundId === undefined ? undefined : eq(agreements.roundId, query.roundId),
    query.status === undefined ? undefined : eq(agreements.status, query.status),
  );
  const rows = (await selectAgreements(db)
    .where(where)
    .orderBy(desc(agreements.updatedAt), desc(agreements.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)) as LoadedAgreement[];
  const [{ total }] = await db
    .select({ total: count() })
    .from(agreements)
    .innerJoin(urbanOrg, eq(urbanOrg.id, agreements.urbanOrgId))
    .innerJoin(ruralOrg, eq(ruralOrg.id, agreements.ruralOrgId))
    .where(where);
  return {
    items: rows.map((row) => summary(row, sideOf(scope, row))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function summary(row: LoadedAgreement, mySide: Side | null): AgreementSummary {
  const a = row.agreement;
  return {
    id: a.id,
    roundId: a.roundId,
    intentionId: a.intentionId,
    amendsId: a.amendsId,
    packId: a.packId,
    status: a.status,
    pen: a.pen,
    version: a.version,
    mySide,
    urbanOrg: { id: a.urbanOrgId, name: row.urbanName },
    ruralOrg: { id: a.ruralOrgId, name: row.ruralName, weakVillage: row.weakVillage },
    termStart: a.termStart,
    termEnd: a.termEnd,
    urbanSignature: signature(a.urbanSignedAt, row.urbanSignerName),
    ruralSignature: signature(a.ruralSignedAt, row.ruralSignerName),
    signedAt: a.signedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

function signature(at: Date | null, name: string | null) {
  return at ? { at: at.toISOString(), name: name ?? '' } : null;
}

/** Phones are personal data: full to the two sides, masked to everyone else (DESIGN.md). */
export function maskPhone(phone: string) {
  return phone.length > 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone ? '****' : '';
}

function contentFor(content: AgreementContent, mySide: Side | null): AgreementContent {
  if (mySide) return content;
  const { urban, rural } = content.contacts;
  return {
    ...content,
    contacts: {
      urban: { ...urban, phone: maskPhone(urban.phone) },
      rural: { ...rural, phone: maskPhone(rural.phone) },
    },
  };
}

function signingIssues(row: LoadedAgreement) {
  const a = row.agreement;
  return checkSigning(asPackId(a.packId), {
    weakVillage: row.weakVillage,
    termStart: a.termStart,
    termEnd: a.termEnd,
    yearlyFunds: a.content.yearlyFunds,
    projects: a.content.projects,
  });
}

export async function getAgreement(db: Db, scope: Scope, id: number) {
  const row = await loadScoped(db, scope, id);
  return present(row, sideOf(scope, row));
}

function present(row: LoadedAgreement, mySide: Side | null): AgreementView {
  return {
    ...summary(row, mySide),
    content: contentFor(row.agreement.content, mySide),
    signingIssues: signingIssues(row),
  };
}

export async function listVersions(db: Db, scope: Scope, id: number): Promise<AgreementVersion[]> {
  const row = await loadScoped(db, scope, id);
  const mySide = sideOf(scope, row);
  const versions = await db
    .select({
      version: agreementVersions.version,
      side: agreementVersions.side,
      content: agreementVersions.content,
      editedBy: users.displayName,
      editedAt: agreementVersions.editedAt,
    })
    .from(agreementVersions)
    .leftJoin(users, eq(users.id, agreementVersions.editedBy))
    .where(eq(agreementVersions.agreementId, id))
    .orderBy(asc(agreementVersions.version));
  return versions.map((v) => ({
    ...v,
    content: contentFor(v.content, mySide),
    editedAt: v.editedAt.toISOString(),
  }));
}

export async function diffVersions(
  db: Db,
  scope: Scope,
  id: number,
  from: number,
  to: number,
): Promise<AgreementDiff> {
  const row = await loadScoped(db, scope, id);
  const mySide = sideOf(scope, row);
  const found = await db
    .select({ version: agreementVersions.version, content: agreementVersions.content })
    .from(agreementVersions)
    .where(
      and(
        eq(agreementVersions.agreementId, id),
        sql`${agreementVersions.version} in (${from}, ${to})`,
      ),
    );
  const before = found.find((v) => v.version === from);
  const after = found.find((v) => v.version === to);
  if (!before || !after) throw notFound('协议版本不存在');
  return {
    from,
    to,
    changes: diffContent(contentFor(before.content, mySide), contentFor(after.content, mySide)),
  };
}

// ---------------------------------------------------------------------------------------------
// Writes. Each runs in one transaction holding the agreement row lock, so the version check,
// the turn and the signatures are decided by the database, not by a read-then-write in JS.

const signedConflict = () =>
  conflict('agreement_signed', '协议已由双方签署，不能再修改；如需变更请提出补充协议');

function assertTermYears(content: AgreementContent, termStart: string, termEnd: string) {
  const first = Number(termStart.slice(0, 4));
  const last = Number(termEnd.slice(0, 4));
  const fields: Record<string, string> = {};
  const check = (key: string, rows: { year: number }[]) =>
    rows.forEach((r, i) => {
      if (r.year < first || r.year > last) {
        fields[`${key}.${i}.year`] = `年份须在协议期内（${first}—${last}年）`;
      }
    });
  check('projects', content.projects);
  check('yearlyFunds', content.yearlyFunds);
  check('visitPlan', content.visitPlan);
  if (Object.keys(fields).length > 0) throw invalid('年份不在协议期内', fields);
}

export async function saveAgreement(
  db: Db,
  scope: Scope,
  id: number,
  input: { version: number; content: AgreementContent },
) {
  return db.transaction(async (tx) => {
    const row = await loadScoped(tx, scope, id, true);
    const side = requireSide(scope, row);
    const a = row.agreement;
    if (a.status === 'signed') throw signedConflict();
    if (a.pen !== side) throw conflict('not_your_turn', '协议正由对方编辑，请等对方交回后再修改');
    if (a.version !== input.version) {
      throw conflict('stale_version', `协议已更新到第 ${a.version} 版，请刷新后再保存`);
    }
    assertTermYears(input.content, a.termStart, a.termEnd);
    // A signature covers one version: changing the text withdraws the other side's signature.
    const [updated] = await tx
      .update(agreements)
      .set({
        content: input.content,
        version: a.version + 1,
        urbanSignedAt: null,
        urbanSignedBy: null,
        ruralSignedAt: null,
        ruralSignedBy: null,
        updatedAt: sql`now()`,
      })
      .where(eq(agreements.id, id))
      .returning();
    await tx.insert(agreementVersions).values({
      agreementId: id,
      version: updated.version,
      side,
      content: input.content,
      editedBy: scope.userId,
    });
    await recordAudit(tx, scope, {
      action: 'agreement.save',
      entity: 'agreement',
      entityId: id,
      scopePath: pairPath(row),
      before: { ...auditView(a), content: a.content },
      after: { ...auditView(updated), content: updated.content },
    });
    return present(
      { ...row, agreement: updated, urbanSignerName: null, ruralSignerName: null },
      side,
    );
  });
}

export async function handOver(db: Db, scope: Scope, id: number) {
  return db.transaction(async (tx) => {
    const row = await loadScoped(tx, scope, id, true);
    const side = requireSide(scope, row);
    const a = row.agreement;
    if (a.status === 'signed') throw signedConflict();
    if (a.pen !== side) throw conflict('not_your_turn', '协议正由对方编辑，无需交回');
    const [updated] = await tx
      .update(agreements)
      .set({ pen: otherSide(side), updatedAt: sql`now()` })
      .where(eq(agreements.id, id))
      .returning();
    await recordAudit(tx, scope, {
      action: 'agreement.hand_over',
      entity: 'agreement',
      entityId: id,
      scopePath: pairPath(row),
      before: auditView(a),
      after: auditView(updated),
    });
    return present({ ...row, agreement: updated }, side);
  });
}

function signingRulesFailed(issues: ReturnType<typeof checkSigning>) {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    fields[issue.path] =
      issue.ruleId === 'R-PROJECT'
        ? `至少需要 ${issue.required} 个在协议期内、有可检查验收指标的帮扶项目（R-PROJECT）`
        : `${issue.year}年帮扶资金不少于 ${issue.required} 元（经济薄弱村，按协议期内天数折算；${issue.ruleId}），现为 ${issue.actual} 元`;
  }
  return new AppError(422, 'signing_rules_failed', '协议不符合签署条件', fields);
}

export async function signAgreement(
  db: Db,
  clock: Clock,
  scope: Scope,
  id: number,
  input: { version: number },
) {
  const result = await db.transaction(async (tx) => {
    const row = await loadScoped(tx, scope, id, true);
    const side = requireSide(scope, row);
    const a = row.agreement;
    if (a.status === 'signed') throw signedConflict();
    if ((side === 'urban' ? a.urbanSignedAt : a.ruralSignedAt) !== null) {
      throw conflict('already_signed', '本方已签署，等待对方签署');
    }
    if (a.version !== input.version) {
      throw conflict('stale_version', `协议已更新到第 ${a.version} 版，请核对后再签署`);
    }
    const round = await loadRound(tx, a.roundId, true);
    if (!round) throw notFound('结对轮次不存在');
    if (a.amendsId === null) {
      // R-DEADLINE-SIGN: agreements are signed in the round's signing phase, by the deadline.
      if (round.state !== 'signing') {
        throw conflict('round_not_signing', '本轮尚未进入协议签订阶段或已结束签订');
      }
      if (isPast(round.signingDeadline, clock.now())) {
        throw conflict('signing_deadline_passed', `协议签订截止日（${round.signingDeadline}）已过`);
      }
    } else if (round.state !== 'signing' && round.state !== 'in_force') {
      throw conflict('round_not_in_force', '本轮不在实施期，不能签署补充协议');
    }
    const issues = signingIssues(row);
    if (issues.length > 0) throw signingRulesFailed(issues);

    const now = clock.now();
    const bothSigned = (side === 'urban' ? a.ruralSignedAt : a.urbanSignedAt) !== null;
    const [updated] = await tx
      .update(agreements)
      .set({
        ...(side === 'urban'
          ? { urbanSignedAt: now, urbanSignedBy: scope.userId }
          : { ruralSignedAt: now, ruralSignedBy: scope.userId }),
        ...(bothSigned ? { status: 'signed' as const, signedAt: now } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(agreements.id, id))
      .returning();
    await recordAudit(tx, scope, {
      action: bothSigned ? 'agreement.sign_complete' : 'agreement.sign',
      entity: 'agreement',
      entityId: id,
      scopePath: pairPath(row),
      before: auditView(a),
      after: { ...auditView(updated), side, version: a.version },
    });
    // The board counts signed agreements (R-LIVE-STATUS).
    if (bothSigned) await notifyBoard(tx, a.roundId);
    return updated.id;
  });
  return getAgreement(db, scope, result);
}

export async function createAmendment(db: Db, scope: Scope, id: number) {
  const newId = await db.transaction(async (tx) => {
    const row = await loadScoped(tx, scope, id, true);
    const side = requireSide(scope, row);
    const a = row.agreement;
    if (a.status !== 'signed') {
      throw conflict('agreement_not_signed', '协议尚未签署，请直接修改协议草稿');
    }
    const round = await loadRound(tx, a.roundId);
    if (!round || (round.state !== 'signing' && round.state !== 'in_force')) {
      throw conflict('round_not_in_force', '本轮不在实施期，不能提出补充协议');
    }
    const [open] = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.amendsId, id), eq(agreements.status, 'draft')));
    if (open) throw conflict('amendment_open', `已有未签署的补充协议（编号 ${open.id}）`);
    const [inserted] = await tx
      .insert(agreements)
      .values({
        roundId: a.roundId,
        intentionId: a.intentionId,
        amendsId: a.id,
        packId: a.packId,
        urbanOrgId: a.urbanOrgId,
        ruralOrgId: a.ruralOrgId,
        provinceCode: a.provinceCode,
        termStart: a.termStart,
        termEnd: a.termEnd,
        pen: side,
        content: a.content,
      })
      .returning();
    await tx.insert(agreementVersions).values({
      agreementId: inserted.id,
      version: 1,
      side,
      content: a.content,
      editedBy: scope.userId,
    });
    await recordAudit(tx, scope, {
      action: 'agreement.amend',
      entity: 'agreement',
      entityId: inserted.id,
      scopePath: pairPath(row),
      after: { ...auditView(inserted), amendsId: a.id },
    });
    return inserted.id;
  });
  return getAgreement(db, scope, newId);
}

// ---------------------------------------------------------------------------------------------
// Document and public commitment.

export async function documentData(db: Db, scope: Scope, id: number) {
  const row = await loadScoped(db, scope, id);
  const mySide = sideOf(scope, row);
  return {
    ...row,
    agreement: { ...row.agreement, content: contentFor(row.agreement.content, mySide) },
  };
}

/** 公开承诺 (R-ANNUAL-PLAN, R-DISCLOSE): signed agreements only, no personal phone numbers. */
export async function publicCommitment(db: Db, id: number): Promise<PublicCommitment> {
  const [row] = (await selectAgreements(db).where(
    and(eq(agreements.id, id), eq(agreements.status, 'signed')),
  )) as LoadedAgreement[];
  if (!row) throw notFound('协议不存在或尚未签署');
  const a = row.agreement;
  return {
    id: a.id,
    roundId: a.roundId,
    amendsId: a.amendsId,
    urbanOrg: { id: a.urbanOrgId, name: row.urbanName },
    ruralOrg: { id: a.ruralOrgId, name: row.ruralName, weakVillage: row.weakVillage },
    termStart: a.termStart,
    termEnd: a.termEnd,
    signedAt: a.signedAt!.toISOString(),
    commitments: a.content.commitments,
    projects: a.content.projects,
    yearlyFunds: a.content.yearlyFunds,
    visitPlan: a.content.visitPlan,
  };
}
