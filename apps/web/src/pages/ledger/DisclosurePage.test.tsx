import { within, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VillageDisclosure } from '@pairing/shared';
import {
  failure,
  findAfterLoading,
  isLoading,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  text,
  type Routes,
} from '../../test/render.tsx';
import DisclosurePage from './DisclosurePage.tsx';

// A public page: nobody is signed in.
const open = (api: Routes) =>
  renderPage(<DisclosurePage />, {
    url: '/public/villages/42/disclosure',
    path: '/public/villages/:id/disclosure',
    api,
  });

const disclosure: VillageDisclosure = {
  village: { id: 42, name: '民主村村委会' },
  town: '朱泾镇',
  district: '金山区',
  asOf: '2025-06-15',
  years: [
    {
      year: 2025,
      received: 80_000,
      used: 30_000,
      balance: 50_000,
      funds: [
        {
          date: '2025-03-10',
          amount: 80_000,
          form: 'cash',
          channel: 'charity',
          source: 'unit',
          donor: '上海市农业农村委员会',
          project: '村级活动室改造',
          purpose: '活动室改造资金',
          uses: [{ date: '2025-04-01', amount: 30_000, purpose: '活动室装修' }],
          used: 30_000,
          balance: 50_000,
        },
      ],
    },
    {
      year: 2024,
      received: 20_000,
      used: 0,
      balance: 20_000,
      funds: [
        {
          date: '2024-11-02',
          amount: 20_000,
          form: 'in_kind',
          channel: 'government',
          source: 'district_pool',
          donor: '市级机关工委统筹帮扶资金',
          project: null,
          purpose: '冬季慰问物资',
          uses: [],
          used: 0,
          balance: 20_000,
        },
      ],
    },
  ],
};

const route = '/api/public/villages/:id/disclosure';

describe('DisclosurePage', () => {
  it('shows a spinner while the disclosure loads', async () => {
    const { page, calls } = await open({ [route]: pending() });
    expect(isLoading(page)).toBe(true);
    await waitFor(() => expect(calls('/api/public/villages/42/disclosure')).toHaveLength(1));
  });

  it('shows each year’s funds with donor, project, form, channel, uses and balance', async () => {
    const { page } = await open({ [route]: disclosure });
    await findAfterLoading(page, '民主村村委会');
    const y2025 = within(page).getByTestId('disclosure-year-2025');
    for (const content of [
      '上海市农业农村委员会',
      '村级活动室改造',
      '活动室改造资金',
      text('fund.form.cash'),
      text('fund.channel.charity'),
      '¥80,000',
    ])
      expect(within(y2025).getAllByText(new RegExp(content)).length).toBeGreaterThan(0);
    expect(within(y2025).getByTestId('disclosure-use').textContent).toBe(
      '2025-04-01 活动室装修 ¥30,000',
    );
    const y2024 = within(page).getByTestId('disclosure-year-2024');
    expect(within(y2024).getByText(/市级机关工委统筹帮扶资金/)).toBeInTheDocument();
    expect(within(y2024).getByText(text('fund.form.in_kind'))).toBeInTheDocument();
    expect(within(y2024).getByText(text('disclosure.noUses'))).toBeInTheDocument();
    expect(
      within(page).getByText(text('disclosure.asOf', { date: '2025-06-15' })),
    ).toBeInTheDocument();
    expect(within(page).getByRole('button', { name: /打印/ })).toBeInTheDocument();
  });

  it('says so when the village has no confirmed funds', async () => {
    const { page } = await open({ [route]: { ...disclosure, years: [] } });
    expect(await findAfterLoading(page, text('disclosure.empty'))).toBeInTheDocument();
  });

  it('says the village is not found on a 404', async () => {
    const { page } = await open({ [route]: failure(404, '村不存在', 'not_found') });
    expect(await within(page).findByText(text('disclosure.notFound'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ [route]: serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
    expect(isLoading(page)).toBe(false);
  });
});
