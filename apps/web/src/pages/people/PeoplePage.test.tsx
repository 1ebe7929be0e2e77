import { fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PersonView } from '@pairing/shared';
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
import PeoplePage from './PeoplePage.tsx';
import PersonPage from './PersonPage.tsx';

const person = (over: Partial<PersonView> = {}): PersonView => ({
  id: 7,
  kind: 'member',
  name: '王建华',
  gender: 'male',
  birthYear: 1962,
  tags: ['poorMember', 'retired'],
  orgId: 100,
  orgName: '民主村村委会',
  secondOrgId: null,
  secondOrgName: null,
  idNumberMasked: '000000********0012',
  phoneMasked: '199****0001',
  note: '',
  userId: null,
  userName: null,
  abilities: { update: true, reveal: true, linkAccount: true },
  ...over,
});

/** antd spaces a button's two Chinese characters (查 看). */
const spaced = (label: string) => new RegExp(`^${label.split('').join('\\s?')}$`);

const open = (list: Reply, extra = {}) =>
  renderPage(<PeoplePage />, {
    url: '/people',
    user: testUser('village_admin'),
    api: { '/api/people': list, ...extra },
  });

describe('PeoplePage', () => {
  it('shows a spinner while the list loads', async () => {
    const { page } = await open(pending());
    expect(isLoading(page)).toBe(true);
  });

  it('says nobody is registered yet', async () => {
    const { page } = await open(paged());
    expect(await findAfterLoading(page, text('people.empty'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open(serverError());
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('lists people masked and shows the numbers only after a reason', async () => {
    const { page, calls } = await open(paged([person()]), {
      'POST /api/people/:id/reveal': { idNumber: '000000196201010012', phone: '19900000001' },
    });
    expect(await within(page).findByText('000000********0012')).toBeInTheDocument();
    expect(within(page).getByText(text('people.tag.retired'))).toBeInTheDocument();
    expect(within(page).queryByText('000000196201010012')).toBeNull();

    fireEvent.click(within(page).getByRole('button', { name: text('people.reveal') }));
    const dialog = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.ant-modal');
      if (!found) throw new Error('no dialog');
      return found;
    });
    fireEvent.click(within(dialog).getByRole('button', { name: spaced(text('people.reveal')) }));
    expect(await within(dialog).findByText(text('people.reasonRequired'))).toBeInTheDocument();
    expect(calls('POST /api/people/:id/reveal')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(text('people.reason')), {
      target: { value: '入户走访需要联系' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: spaced(text('people.reveal')) }));
    expect(await within(dialog).findByText('000000196201010012')).toBeInTheDocument();
    const sent = calls('POST /api/people/:id/reveal');
    expect(sent).toHaveLength(1);
    expect(sent[0].url.pathname).toBe('/api/people/7/reveal');
    expect(JSON.parse(String(sent[0].init?.body))).toEqual({ reason: '入户走访需要联系' });
  });
});

describe('PersonPage', () => {
  const openPerson = (reply: Reply) =>
    renderPage(<PersonPage />, {
      url: '/people/7',
      path: '/people/:id',
      user: testUser('inspector'),
      api: { '/api/people/:id': reply },
    });

  it('shows the summary masked', async () => {
    const { page } = await openPerson({ person: person({ secondOrgName: '某科技公司' }) });
    const summary = await within(page).findByTestId('person-summary');
    expect(within(summary).getByText('199****0001')).toBeInTheDocument();
    expect(within(summary).getByText('某科技公司')).toBeInTheDocument();
  });

  it('says the person is not found', async () => {
    const { page } = await openPerson(() =>
      Response.json({ error: { code: 'not_found', message: 'x', fields: {} } }, { status: 404 }),
    );
    expect(await within(page).findByText(text('people.notFound'))).toBeInTheDocument();
  });
});
