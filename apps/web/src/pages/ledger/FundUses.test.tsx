import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FundUsesView } from '@pairing/shared';
import {
  failure,
  fill,
  json,
  renderPage,
  testUser,
  text,
  type Routes,
  type StubRequest,
} from '../../test/render.tsx';
import { FundUses } from './FundUses.tsx';

const view = (over: Partial<FundUsesView> = {}): FundUsesView => ({
  recordId: 7,
  amount: 10_000,
  used: 6_000,
  balance: 4_000,
  items: [{ id: 1, date: '2025-02-10', amount: 6_000, purpose: '购置桌椅' }],
  abilities: { addUse: true },
  ...over,
});

const open = (api: Routes) =>
  renderPage(<FundUses recordId={7} />, { user: testUser('village_admin'), api });

describe('FundUses', () => {
  it('lists the uses and the balance; the unit gets no form', async () => {
    const { page } = await open({
      'GET /api/records/:id/uses': view({ abilities: { addUse: false } }),
    });
    expect(await within(page).findByText('购置桌椅')).toBeInTheDocument();
    expect(within(page).getByTestId('fund-balance').textContent).toContain('¥4,000');
    expect(within(page).queryByRole('button', { name: /登记使用/ })).toBeNull();
  });

  it('records a use with an idempotency key and shows the new balance', async () => {
    const posted: StubRequest[] = [];
    let current = view();
    const { page } = await open({
      'GET /api/records/:id/uses': () => json(current)({} as StubRequest),
      'POST /api/records/:id/uses': (request) => {
        posted.push(request);
        current = view({
          used: 7_000,
          balance: 3_000,
          items: [
            ...current.items,
            { id: 2, date: '2025-03-01', amount: 1_000, purpose: '宣传栏' },
          ],
        });
        return json(current, 201)(request);
      },
    });
    await within(page).findByText('购置桌椅');
    fill(within(page).getByLabelText(text('fundUses.useAmount')), '1000');
    fill(within(page).getByLabelText(text('fundUses.purpose')), '宣传栏');
    fireEvent.click(within(page).getByRole('button', { name: /登记使用/ }));
    await waitFor(() => expect(posted).toHaveLength(1));
    const headers = posted[0].init!.headers as Record<string, string>;
    expect(headers['idempotency-key']).toMatch(/^use-/);
    expect(JSON.parse(posted[0].init!.body as string)).toMatchObject({
      amount: 1000,
      purpose: '宣传栏',
    });
    expect(await within(page).findByText('宣传栏')).toBeInTheDocument();
    expect(within(page).getByTestId('fund-balance').textContent).toContain('¥3,000');
  });

  it('shows the server’s refusal of an overspending use', async () => {
    const { page } = await open({
      'GET /api/records/:id/uses': view(),
      'POST /api/records/:id/uses': failure(409, '使用合计不能超过资金金额', 'overspent'),
    });
    await within(page).findByText('购置桌椅');
    fill(within(page).getByLabelText(text('fundUses.useAmount')), '3000');
    fill(within(page).getByLabelText(text('fundUses.purpose')), '超支');
    fireEvent.click(within(page).getByRole('button', { name: /登记使用/ }));
    expect(await screen.findByText('使用合计不能超过资金金额')).toBeInTheDocument();
  });
});
