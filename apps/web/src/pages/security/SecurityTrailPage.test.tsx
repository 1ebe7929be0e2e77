import type { TrailEntry } from '@pairing/shared';
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findAfterLoading, renderPage, testUser, text } from '../../test/render.tsx';
import SecurityTrailPage from './SecurityTrailPage.tsx';

const entry: TrailEntry = {
  key: 'audit-1',
  at: '2026-12-01T02:00:00.000Z',
  actorId: 3,
  actorName: 'security',
  kind: 'session.ended',
  entity: 'session',
  entityId: '9',
  ip: '203.0.113.9',
  device: 'Chrome · Windows',
  before: null,
  after: { username: 'trail.user' },
};

const open = (total: number) =>
  renderPage(<SecurityTrailPage />, {
    url: '/security/trail',
    user: testUser('audit_admin'),
    api: { '/api/security/trail': { items: [entry], total, page: 1, pageSize: 20 } },
  });

describe('SecurityTrailPage', () => {
  it('names each entry and says when an export would hold only the newest entries', async () => {
    const { page } = await open(12_345);
    await findAfterLoading(page, text('action.session.ended'));
    expect(within(page).getByTestId('trail-export-capped').textContent).toBe(
      text('security.exportCapped', { total: '12,345', limit: '10,000' }),
    );
  });

  it('says nothing of the cap while the filtered trail fits one export', async () => {
    const { page } = await open(10_000);
    await findAfterLoading(page, text('action.session.ended'));
    expect(within(page).queryByTestId('trail-export-capped')).toBeNull();
  });
});
