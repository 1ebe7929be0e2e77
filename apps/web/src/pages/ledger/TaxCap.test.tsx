import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UnitTax } from '@pairing/shared';
import { renderPage, testUser, text } from '../../test/render.tsx';
import { TaxCap } from './TaxCap.tsx';

const tax = (over: Partial<UnitTax> = {}): UnitTax => ({
  unit: { id: 3, name: '上海豫园旅游商城(集团)股份有限公司', unitType: '企业' },
  year: 2025,
  enterprise: true,
  donations: { direct: 20_000, charity: 50_000, government: 30_000 },
  eligible: 80_000,
  pairing: { id: 9, eligible: 80_000, direct: 20_000 },
  profitVisible: true,
  profit: 500_000,
  cap: 60_000,
  deductible: 60_000,
  excess: 20_000,
  abilities: { setProfit: true },
  ...over,
});

describe('TaxCap', () => {
  it('shows the cap, the deductible part and the excess to the unit, with the profit form', async () => {
    const { page, calls } = await renderPage(<TaxCap pairingId={9} year={2025} />, {
      user: testUser('unit_admin'),
      api: { '/api/pairings/:id/tax': tax() },
    });
    expect(await within(page).findByTestId('tax-deductible')).toHaveTextContent('¥60,000');
    expect(within(page).getByText('¥20,000', { selector: '.ant-typography-danger' })).toBeTruthy();
    expect(within(page).getByRole('button', { name: text('tax.enterProfit') })).toBeInTheDocument();
    expect(calls('/api/pairings/9/tax')[0].url.search).toBe('?year=2025');
  });

  it('hides the profit from the village and says why', async () => {
    const { page } = await renderPage(<TaxCap pairingId={9} year={2025} />, {
      user: testUser('village_admin'),
      api: {
        '/api/pairings/:id/tax': tax({
          profitVisible: false,
          profit: null,
          cap: null,
          deductible: null,
          excess: null,
          abilities: { setProfit: false },
        }),
      },
    });
    expect(await within(page).findByText(text('tax.profitHidden'))).toBeInTheDocument();
    expect(within(page).queryByTestId('tax-deductible')).toBeNull();
    expect(within(page).queryByRole('button', { name: text('tax.enterProfit') })).toBeNull();
  });

  it('says the cap does not apply to a unit that is not an enterprise', async () => {
    const { page } = await renderPage(<TaxCap unitId={3} year={2025} />, {
      user: testUser('unit_admin'),
      api: { '/api/units/:id/tax': tax({ enterprise: false }) },
    });
    expect(await within(page).findByText(text('tax.notEnterprise'))).toBeInTheDocument();
  });
});
