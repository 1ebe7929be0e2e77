import { type ActionOf } from '@pairing/shared';
import { roleAllows, type Can } from '../../lib/policy.ts';

export type SecurityAction = ActionOf<'security'>;

/**
 * The security administrator's policy and sessions, the audit administrator's trail
 * (docs/roles.md, 三员分立). The role table decides; scope limits each to the accounts and records
 * of its city.
 */
export const can: Can<SecurityAction> = roleAllows('security');
