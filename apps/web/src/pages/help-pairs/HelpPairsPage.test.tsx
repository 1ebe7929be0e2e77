import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HelpPairView, PersonSummary } from '@pairing/shared';
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
  type Reply,
} from '../../test/render.tsx';
import HelpPairsPage from './HelpPairsPage.tsx';

const person = (id: number, name: string, kind: PersonSummary['kind'] = 'member') => ({
  id,
  kind,
  name,
  gender: 'male' as const,
  birthYear: 1970,
  tags: [],
  orgId: 1,
  orgName: '民主村',
  secondOrgId: null,
  secondOrgName: null,
  idNumberMasked: '110101********1234',
  phoneMasked: null,
});

const pair = (over: Partial<HelpPairView> = {}): HelpPairView => ({
  id: 5,
  pairingId: 9,
  urbanOrg: { id: 2, name: '农业农村委' },
  ruralOrg: { id: 1, name: '民主村' },
  state: 'assigned',
  member: person(1, '张困难'),
  resident: person(2, '李群众', 'resident'),
  cadre: person(3, '王干部'),
  note: '',
  plan: null,
  outcome: null,
  withdrawReason: null,
  records: 2,
  proposedAt: '2026-03-01T01:00:00.000Z',
  assignedAt: '2026-03-02T01:00:00.000Z',
  abilities: { assign: false, plan: false, record: true, conclude: false, withdraw: false },
  ...over,
});

const asMember = (list: Reply) =>
  renderPage(<HelpPairsPage />, {
    url: '/help-pairs',
    user: testUser('member'),
    api: { '/api/help-pairs': list },
  });

describe('HelpPairsPage (a cadre’s own pairs)', () => {
  it('shows a spinner while the list loads', async () => {
    const { page } = await asMember(pending());
    expect(isLoading(page)).toBe(true);
  });

  it('says the cadre has no pairs yet', async () => {
    const { page } = await asMember(paged());
    expect(await findAfterLoading(page, text('helpPairs.emptyMine'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await asMember(serverError());
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('lists his pairs with their people and state', async () => {
    const { page } = await asMember(paged([pair()]));
    expect(await within(page).findByText('张困难（1234）')).toBeInTheDocument();
    expect(within(page).getByText(text('helpPairState.assigned'))).toBeInTheDocument();
  });
});
