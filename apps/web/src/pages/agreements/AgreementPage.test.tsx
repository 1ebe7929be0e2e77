import { fireEvent, within, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgreementView } from '@pairing/shared';
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
import AgreementPage from './AgreementPage.tsx';

const open = (api: Routes) =>
  renderPage(<AgreementPage />, {
    url: '/agreements/12',
    path: '/agreements/:id',
    user: testUser('unit_admin'),
    api,
  });

describe('AgreementPage', () => {
  it('shows a spinner while the agreement loads', async () => {
    const { page, calls } = await open({ '/api/agreements/:id': pending() });
    expect(isLoading(page)).toBe(true);
    await waitFor(() => expect(calls('/api/agreements/12')).toHaveLength(1));
  });

  it('says the agreement is not there on a 404', async () => {
    const { page } = await open({ '/api/agreements/:id': failure(404, '未找到', 'not_found') });
    expect(await within(page).findByText(text('agreements.notFound'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/agreements/:id': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});

const agreement = (over: Partial<AgreementView> = {}): AgreementView => ({
  id: 12,
  roundId: 7,
  intentionId: 3,
  amendsId: null,
  packId: 'sh-2010',
  status: 'draft',
  closedReason: null,
  pen: 'urban',
  version: 1,
  mySide: 'urban',
  urbanOrg: { id: 100, name: '测试单位' },
  ruralOrg: { id: 200, name: '测试村', weakVillage: false },
  termStart: '2026-01-01',
  termEnd: '2027-12-31',
  urbanSignature: null,
  ruralSignature: null,
  signedAt: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  abilities: { edit: true, handOver: true, sign: true, amend: false },
  content: {
    commitments: [],
    projects: [],
    yearlyFunds: [
      { year: 2026, amount: 0 },
      { year: 2027, amount: 0 },
    ],
    visitPlan: [],
    contacts: {
      urban: { name: '', title: '', phone: '' },
      rural: { name: '', title: '', phone: '' },
    },
  },
  signingIssues: [],
  ...over,
});

describe('AgreementPage fixes (issue 13 item 8)', () => {
  it('names the missing fields when an empty project is saved, never "[object Object]"', async () => {
    const { page, calls } = await open({ '/api/agreements/:id': agreement() });
    fireEvent.click(await within(page).findByTestId('add-project'));
    fireEvent.click(within(page).getByTestId('agreement-save'));
    const errors = await within(page).findByTestId('agreement-errors');
    expect(errors).toHaveTextContent(text('agreements.textRequired'));
    expect(page.textContent).not.toContain('[object Object]');
    expect(document.body.textContent).not.toContain('[object Object]');
    expect(calls('PUT /api/agreements/:id')).toHaveLength(0);
  });

  it("shows the weak-village funds hint only on a weak village's agreement", async () => {
    const plain = await open({ '/api/agreements/:id': agreement() });
    await within(plain.page).findByTestId('agreement-title');
    expect(within(plain.page).queryByText(text('agreements.fundsHint'))).not.toBeInTheDocument();
    plain.unmount();
    const weak = agreement({ ruralOrg: { id: 200, name: '测试村', weakVillage: true } });
    const { page } = await open({ '/api/agreements/:id': weak });
    expect(await within(page).findByText(text('agreements.fundsHint'))).toBeInTheDocument();
  });

  it('shows 签署 disabled, with the reason, outside the signing stage', async () => {
    const { page } = await open({
      '/api/agreements/:id': agreement({
        abilities: { edit: true, handOver: true, sign: false, amend: false },
      }),
    });
    const button = await within(page).findByTestId('agreement-sign');
    expect(button).toBeDisabled();
    expect(within(page).getByTestId('sign-blocked')).toHaveTextContent(
      text('agreements.signNotNow'),
    );
  });

  it('shows 签署 enabled in the signing stage', async () => {
    const { page } = await open({ '/api/agreements/:id': agreement() });
    expect(await within(page).findByTestId('agreement-sign')).toBeEnabled();
  });
});
