import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CareCaseSummary, DueVisitList } from '@pairing/shared';
import {
  findAfterLoading,
  isLoading,
  paged,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import CarePage from './CarePage.tsx';

const person = {
  id: 7,
  kind: 'member' as const,
  name: '李秀英',
  gender: 'female' as const,
  birthYear: 1950,
  tags: ['poorMember' as const],
  orgId: 3,
  orgName: '民主村村委会',
  secondOrgId: null,
  secondOrgName: null,
  idNumberMasked: '110101********1234',
  phoneMasked: '139****5678',
};

const summary: CareCaseSummary = {
  id: 21,
  person,
  kind: 'member',
  difficulties: ['illness', 'elderly'],
  state: 'open',
  openedOn: '2024-01-02',
  closedOn: null,
  carer: { id: 9, name: '上海市农业农村委员会' },
  carerSince: '2025-07-01',
  helpCount: 2,
  lastHelpOn: '2026-02-10',
};

const visits = (items: DueVisitList['items'] = []): DueVisitList => ({
  festivals: [
    { festival: 'springFestival', year: 2026, date: '2026-02-17', daysLeft: 12 },
    { festival: 'julyFirst', year: 2025, date: '2025-07-01', daysLeft: -219 },
  ],
  items,
  total: items.length,
  page: 1,
  pageSize: 50,
});

const open = (api: Routes, role: 'village_admin' | 'inspector' = 'village_admin') =>
  renderPage(<CarePage />, { url: '/care', path: '/care', user: testUser(role), api });

describe('CarePage', () => {
  it('shows a spinner while the cases load', async () => {
    const { page } = await open({
      '/api/care/cases': pending(),
      '/api/care/visits-due': pending(),
    });
    expect(isLoading(page)).toBe(true);
  });

  it('says there are no cases, and no visits due', async () => {
    const { page } = await open({ '/api/care/cases': paged(), '/api/care/visits-due': visits() });
    expect(await findAfterLoading(page, text('care.empty'))).toBeInTheDocument();
    expect(within(page).getByText(text('care.visitsEmpty'))).toBeInTheDocument();
    expect(within(page).getByTestId('festival-springFestival')).toHaveTextContent('2026-02-17');
    expect(within(page).getByTestId('festival-springFestival')).toHaveTextContent(
      text('care.daysLeft', { days: 12 }),
    );
  });

  it("shows the server's error", async () => {
    const { page } = await open({
      '/api/care/cases': serverError(),
      '/api/care/visits-due': visits(),
    });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('lists a case as a card and the visits due, opening the case on tap', async () => {
    const { page } = await open({
      '/api/care/cases': paged([summary]),
      '/api/care/visits-due': visits([
        {
          caseId: 21,
          person,
          festival: 'springFestival',
          year: 2026,
          date: '2026-02-17',
          daysLeft: 12,
          state: 'due',
          helpId: null,
          visitedOn: null,
        },
      ]),
    });
    const card = await within(page).findByTestId('care-21');
    expect(within(card).getByText('上海市农业农村委员会')).toBeInTheDocument();
    expect(within(card).getByText(text('care.kind.member'))).toBeInTheDocument();
    expect(within(page).getByTestId('due-visits')).toHaveTextContent(text('care.visit.due'));
    expect(within(page).getByRole('button', { name: new RegExp(text('care.open')) })).toBeVisible();
    fireEvent.click(card);
    expect(screen.getByTestId('location')).toHaveTextContent('/care/21');
  });

  it('offers no new case or export to an inspector', async () => {
    const { page } = await open(
      { '/api/care/cases': paged([summary]), '/api/care/visits-due': visits() },
      'inspector',
    );
    await within(page).findByTestId('care-21');
    expect(within(page).queryByRole('button', { name: new RegExp(text('care.open')) })).toBeNull();
  });
});
