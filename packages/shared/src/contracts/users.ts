import { z } from 'zod';
import { roles } from '../roles.ts';

/** The signed-in user (`GET /api/auth/me`, login). */
export const me = z.object({
  userId: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  orgId: z.number(),
  orgName: z.string(),
  path: z.string(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof me>;

/** An account as admins see it; the phone is masked. Times are ISO strings. */
export const userView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  orgId: z.number(),
  orgName: z.string(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

/** One audit record (DESIGN.md "Data safety"). */
export const auditRecord = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditRecord = z.infer<typeof auditRecord>;
