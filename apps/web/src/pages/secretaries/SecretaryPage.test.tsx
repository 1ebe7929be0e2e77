import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  failure,
  isLoading,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import { detail, documentParameters, examplePay } from './fixtures.ts';
import SecretaryPage from './SecretaryPage.tsx';

const open = (api: Routes) =>
  renderPage(<SecretaryPage />, {
    url: '/secretaries/7',
    path: '/secretaries/:id',
    user: testUser('town_admin'),
    api,
  });

describe('SecretaryPage', () => {
  it('shows a spinner, then a 404 or the server’s error', async () => {
    expect(isLoading((await open({ '/api/secretaries/:id': pending() })).page)).toBe(true);
  });

  it('says the secretary is not in scope', async () => {
    const { page } = await open({ '/api/secretaries/:id': failure(404, 'x', 'not_found') });
    expect(await within(page).findByText(text('secretaries.notFound'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/secretaries/:id': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('shows the person masked, the allowance of a term left, and the years assessed', async () => {
    const { page } = await open({
      '/api/secretaries/:id': detail({
        terms: [
          {
            id: 70,
            villageId: 31,
            villageName: '民主村村委会',
            townName: '朱泾镇',
            from: '2015-03-01',
            to: '2025-02-28',
            baseSubsidyPerYear: 20_000,
            allowance: {
              kind: 'yearly',
              amount: 6_000,
              firstYearAmount: 5_030,
              countedHalfYears: null,
              continuousFrom: '2015-03-01',
              continuous: { years: 10, days: 0 },
              cumulative: { years: 10, days: 0 },
              ownBaseSubsidyPerYear: 20_000,
              currentBaseSubsidyPerYear: 20_000,
              parameters: documentParameters,
              parametersFromYear: null,
              yearlyAmountNow: 6_600,
            },
          },
        ],
        assessments: [
          {
            id: 3,
            year: 2024,
            villageId: 31,
            villageName: '民主村村委会',
            lines: [],
            incomeCreated: 150_000,
            insurancePremiums: 4_429,
            note: '',
            pay: examplePay,
            parameters: documentParameters,
            parametersFromYear: null,
            assessedAt: '2025-01-10T02:00:00.000Z',
            assessedBy: '演示朱泾镇',
          },
        ],
        abilities: { assess: true, endTerm: false, addTerm: true },
      }),
    });
    expect(await within(page).findByText('110101********8515')).toBeInTheDocument();
    const allowance = within(page).getByTestId('allowance');
    expect(allowance).toHaveTextContent('¥6,000');
    expect(allowance).toHaveTextContent('¥5,030');
    expect(allowance).toHaveTextContent('¥6,600');
    expect(within(page).getByTestId('assessments')).toHaveTextContent('¥39,729');
    expect(
      within(page).getByRole('button', { name: text('secretaries.newTerm') }),
    ).toBeInTheDocument();
    expect(within(page).queryByRole('button', { name: text('secretaries.endTerm') })).toBeNull();
  });
});
