import type { AllocationPairView, AllocationRunView } from '@pairing/shared';
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { round } from '../../test/fixtures.ts';
import { failure, renderPage, testUser, text, type Routes } from '../../test/render.tsx';
import AllocationPage from './AllocationPage.tsx';

// The allocation page after publishing (issue 13 item 4): the city follows the confirmation by
// district, a district confirms in bulk, everyone reviews with search and filters.

const pair = (over: Partial<AllocationPairView>): AllocationPairView => ({
  id: 1,
  status: 'proposed',
  fixed: false,
  cost: 200,
  reasons: [],
  reasonText: '基准 +200；同一区县 +0；村未填报需求清单',
  urbanOrgId: 10,
  urbanOrgName: '上海市农业农村委员会',
  ruralOrgId: 20,
  ruralOrgName: '民主村',
  ruralOrgCode: '310116101201',
  weakVillage: true,
  districtId: 3,
  districtName: '金山区',
  swappedFromName: null,
  intentionId: 101,
  intentionState: 'pending',
  urbanConfirmed: false,
  ruralConfirmed: false,
  abilities: { edit: false, confirm: false },
  ...over,
});

const stats = {
  targets: 2,
  units: 2,
  edges: 4,
  places: 2,
  covered: 2,
  totalCost: 430,
  solves: 1,
  solveMillis: 1,
  droppedLocks: 0,
  weakMinBudget: 20000,
  millis: 5,
};

const published = (pairs: AllocationPairView[]): AllocationRunView =>
  ({
    run: {
      id: 3,
      roundId: 9,
      sourceRunId: null,
      status: 'published',
      settings: {},
      stats,
      createdBy: 1,
      createdAt: '2026-05-01T00:00:00.000Z',
      publishedBy: 1,
      publishedAt: '2026-05-02T00:00:00.000Z',
      abilities: { run: false, edit: false, publish: false },
    },
    pairs,
    uncovered: [],
    districts: [],
    progress: [
      {
        districtId: 3,
        name: '金山区',
        pairs: 1,
        urbanConfirmed: 1,
        ruralConfirmed: 0,
        confirmed: 0,
        pending: 1,
      },
      {
        districtId: 4,
        name: '青浦区',
        pairs: 1,
        urbanConfirmed: 1,
        ruralConfirmed: 1,
        confirmed: 1,
        pending: 0,
      },
    ],
  }) as unknown as AllocationRunView;

const pairs = [
  pair({ id: 1, cost: 230, urbanConfirmed: true, abilities: { edit: false, confirm: true } }),
  pair({
    id: 2,
    cost: 200,
    intentionId: 102,
    ruralOrgName: '周荡村',
    weakVillage: false,
    districtId: 4,
    districtName: '青浦区',
    urbanOrgName: '上海豫园旅游商城(集团)股份有限公司',
    intentionState: 'accepted',
    urbanConfirmed: true,
    ruralConfirmed: true,
  }),
];

const open = (role: 'city_admin' | 'district_admin' | 'inspector', api: Routes = {}) =>
  renderPage(<AllocationPage />, {
    url: '/allocation',
    user: testUser(role),
    api: {
      '/api/rounds': { items: [round({ id: 9, state: 'signing' })] },
      '/api/rounds/:id/allocation/runs': {
        items: [
          { id: 4, status: 'superseded' },
          { id: 3, status: 'published' },
        ],
        abilities: { run: false, configure: false },
      },
      '/api/rounds/:id/allocation/runs/:runId': published(pairs),
      ...api,
    },
  });

const rows = (page: HTMLElement) =>
  within(within(page).getByTestId('alloc-pairs')).getAllByRole('row').slice(1);

describe('AllocationPage after publishing', () => {
  it('shows the published plan after balancing, with the confirmation by district', async () => {
    const { page, calls } = await open('inspector');
    const progress = await within(page).findByTestId('alloc-progress');
    await waitFor(() => expect(calls('/api/rounds/9/allocation/runs/3')).toHaveLength(1));
    expect(within(page).getByText(text('alloc.notBalancing'))).toBeInTheDocument();
    expect(within(progress).getByText('青浦区')).toBeInTheDocument();
    expect(within(progress).getByText(text('alloc.progress.total'))).toBeInTheDocument();
    const table = within(page).getByTestId('alloc-pairs');
    expect(within(table).getByText(text('alloc.confirm.both'))).toBeInTheDocument();
    expect(within(table).getByText(text('alloc.confirm.villageNo'))).toBeInTheDocument();
    // Read-only: no run, no bulk confirmation.
    expect(within(page).queryByTestId('alloc-run')).not.toBeInTheDocument();
    expect(within(page).queryByTestId('alloc-bulk')).not.toBeInTheDocument();
    expect(within(page).getByTestId('alloc-export')).toHaveAttribute(
      'href',
      '/api/rounds/9/allocation/runs/3/export.xlsx',
    );
  });

  it('narrows the pairs by search and by weak village', async () => {
    const { page } = await open('city_admin');
    await within(page).findByTestId('alloc-pairs');
    expect(rows(page)).toHaveLength(2);
    const user = userEvent.setup();
    await user.type(within(page).getByPlaceholderText(text('alloc.filter.search')), '周荡{Enter}');
    await waitFor(() => expect(rows(page)).toHaveLength(1));
    expect(rows(page)[0]).toHaveTextContent('周荡村');
    await user.clear(within(page).getByPlaceholderText(text('alloc.filter.search')));
    await waitFor(() => expect(rows(page)).toHaveLength(2));
    await user.click(within(page).getByText(text('alloc.filter.notWeak')));
    await waitFor(() => expect(rows(page)).toHaveLength(1));
    expect(rows(page)[0]).toHaveTextContent('周荡村');
  });

  it('lets a district confirm all its awaiting pairs in one action, with an idempotency key', async () => {
    const { page, calls } = await open('district_admin', {
      'POST /api/rounds/:id/intentions/allocated/confirm': {
        confirmed: 1,
        accepted: 1,
        intentionIds: [101],
      },
    });
    const bar = await within(page).findByTestId('alloc-bulk');
    expect(bar).toHaveTextContent(text('alloc.bulk.awaiting', { count: 1 }));
    const user = userEvent.setup();
    await user.click(within(bar).getByTestId('alloc-bulk-all'));
    await user.click(await within(document.body).findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() =>
      expect(calls('POST /api/rounds/9/intentions/allocated/confirm')).toHaveLength(1),
    );
    const [sent] = calls('POST /api/rounds/9/intentions/allocated/confirm');
    expect(JSON.parse(String(sent.init?.body))).toEqual({});
    expect(new Headers(sent.init?.headers).get('idempotency-key')).toMatch(/^bulk-/);
    // The view reloads to show the new confirmations.
    await waitFor(() => expect(calls('/api/rounds/9/allocation/runs/3')).toHaveLength(2));
  });

  it('confirms only the chosen rows, and shows the refusal in Chinese', async () => {
    const { page, calls } = await open('district_admin', {
      'POST /api/rounds/:id/intentions/allocated/confirm': failure(
        404,
        '所选结对不存在或不在本范围内',
        'not_found',
      ),
    });
    await within(page).findByTestId('alloc-bulk');
    const user = userEvent.setup();
    const boxes = within(within(page).getByTestId('alloc-pairs')).getAllByRole('checkbox');
    // The header's box, the awaiting pair's box, and the accepted pair's, disabled.
    expect(boxes[2]).toBeDisabled();
    await user.click(boxes[1]);
    await user.click(within(page).getByTestId('alloc-bulk-selected'));
    expect(await within(page).findByText('所选结对不存在或不在本范围内')).toBeInTheDocument();
    const [sent] = calls('POST /api/rounds/9/intentions/allocated/confirm');
    expect(JSON.parse(String(sent.init?.body))).toEqual({ intentionIds: [101] });
  });
});
