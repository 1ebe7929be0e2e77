import { describe, expect, it } from 'vitest';
import type { Role } from '@pairing/shared';
import type { Scope } from '../../lib/scope.ts';
import { can, refusal } from './policy.ts';

const as = (role: Role): Scope => ({ userId: 1, username: role, role, orgId: 1, path: '/1/' });
const city = as('city_admin');

describe('allocation policy', () => {
  it('takes the roles from the role table', () => {
    expect(can(city, 'publish')).toBe(true);
    expect(can(as('district_admin'), 'publish')).toBe(false);
    expect(can(as('district_admin'), 'read')).toBe(true);
    expect(can(as('unit_admin'), 'prefer')).toBe(true);
    expect(can(as('village_admin'), 'read')).toBe(false);
  });

  it('runs, edits and publishes only in balancing, on the proposal, on a pair not removed', () => {
    const open = { roundState: 'balancing', runStatus: 'proposed' } as const;
    expect(can(city, 'edit', open)).toBe(true);
    expect(can(city, 'run', { roundState: 'balancing' })).toBe(true);
    expect(refusal('run', { roundState: 'signing' })?.code).toBe('round_not_balancing');
    expect(refusal('publish', { ...open, runStatus: 'published' })?.code).toBe('run_not_proposed');
    expect(refusal('edit', { ...open, runStatus: 'superseded' })?.code).toBe('run_not_proposed');
    expect(refusal('edit', { ...open, pairStatus: 'removed' })?.code).toBe('pair_removed');
    expect(can(city, 'edit', { ...open, pairStatus: 'locked' })).toBe(true);
  });

  it('changes settings and preferences until signing starts', () => {
    expect(can(city, 'configure', { roundState: 'draft' })).toBe(true);
    expect(can(as('unit_admin'), 'prefer', { roundState: 'intentions_open' })).toBe(true);
    expect(refusal('configure', { roundState: 'signing' })?.code).toBe('round_not_editable');
    expect(refusal('read', { roundState: 'signing' })).toBeNull();
  });
});
