// The audit records of the registry's writes: personal numbers only ever masked in them (item 6).
import { maskIdNumber, maskPhone, type AuditAction, type PersonInput } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudit } from '../audit/record.ts';

/** A registration as its audit record keeps it. */
export const auditOfPerson = (orgId: number, input: PersonInput) => ({
  orgId,
  kind: input.kind,
  name: input.name,
  gender: input.gender,
  idNumber: maskIdNumber(input.idNumber),
  phone: input.phone === null ? null : maskPhone(input.phone),
  tags: input.tags,
  secondOrgId: input.secondOrgId,
  note: input.note,
});

/** The record belongs to the person's home organization, whose admins keep him. */
export const recordPersonAudit = (
  db: Db,
  scope: Scope,
  change: {
    action: AuditAction;
    personId: number | null;
    homePath: string;
    before?: unknown;
    after: unknown;
  },
) =>
  recordAudit(db, scope, {
    action: change.action,
    entity: 'person',
    entityId: change.personId,
    scopePath: change.homePath,
    before: change.before ?? null,
    after: change.after,
  });
