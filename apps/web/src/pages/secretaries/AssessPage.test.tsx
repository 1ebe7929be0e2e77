import { fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { failure, json, renderPage, testUser, text, type Routes } from '../../test/render.tsx';
import { detail, documentParameters, examplePay } from './fixtures.ts';
import AssessPage from './AssessPage.tsx';

const open = (api: Routes) =>
  renderPage(<AssessPage />, {
    url: '/secretaries/7/assess',
    path: '/secretaries/:id/assess',
    user: testUser('town_admin'),
    api: { '/api/secretaries/:id': detail(), ...api },
  });

const preview = { pay: examplePay, parameters: documentParameters, parametersFromYear: null };

describe('AssessPage', () => {
  it('shows the pay the server computes as the form is filled, and saves the assessment once', async () => {
    const { page, calls } = await open({
      'POST /api/secretaries/:id/assessments/preview': preview,
      'POST /api/secretaries/:id/assessments': json({ assessment: {} }, 201),
    });
    const breakdown = await within(page).findByTestId('pay-breakdown', {}, { timeout: 3000 });
    expect(within(breakdown).getByTestId('pay-total')).toHaveTextContent('¥39,729');
    expect(breakdown).toHaveTextContent(text('secretaries.parametersDocuments'));

    fireEvent.click(within(page).getByTestId('add-line'));
    fireEvent.change(within(page).getByRole('textbox', { name: text('secretaries.reason') }), {
      target: { value: '党建示范点建设' },
    });
    await waitFor(() =>
      expect(calls('POST /api/secretaries/:id/assessments/preview').length).toBeGreaterThan(1),
    );
    const last = calls('POST /api/secretaries/:id/assessments/preview').at(-1)!;
    // The preview needs the figures only; the reasons go with the saved assessment.
    expect(JSON.parse(String(last.init?.body)).lines).toEqual([
      { part: 'partyBuilding', kind: 'gain', points: 1 },
    ]);

    fireEvent.click(within(page).getByTestId('save-assessment'));
    await waitFor(() => expect(calls('POST /api/secretaries/:id/assessments')).toHaveLength(1));
    const saved = calls('POST /api/secretaries/:id/assessments')[0];
    expect(JSON.parse(String(saved.init?.body))).toMatchObject({
      lines: [{ part: 'partyBuilding', kind: 'gain', points: 1, reason: '党建示范点建设' }],
      incomeCreated: 0,
    });
    expect((saved.init?.headers as Record<string, string>)['idempotency-key']).toMatch(/^assess-/);
  });

  it('says why the year cannot be computed', async () => {
    const { page } = await open({
      'POST /api/secretaries/:id/assessments/preview': failure(
        422,
        '2026 年该书记不在任，无需考核',
      ),
    });
    expect(
      await within(page).findByText('2026 年该书记不在任，无需考核', {}, { timeout: 3000 }),
    ).toBeInTheDocument();
  });

  it('keeps a line without a reason from being saved', async () => {
    const { page, calls } = await open({
      'POST /api/secretaries/:id/assessments/preview': preview,
    });
    await within(page).findByTestId('pay-breakdown', {}, { timeout: 3000 });
    fireEvent.click(within(page).getByTestId('add-line'));
    fireEvent.click(within(page).getByTestId('save-assessment'));
    await waitFor(() => expect(calls('POST /api/secretaries/:id/assessments')).toHaveLength(0));
  });
});
