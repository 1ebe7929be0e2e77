import { fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { needCategories, roundsApi } from '@pairing/shared';
import { round } from '../../test/fixtures.ts';
import {
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Reply,
  type Routes,
} from '../../test/render.tsx';
import { NeedsPage, ResourcesPage } from './ListPage.tsx';

const open = (list: Reply, api: Routes = {}) =>
  renderPage(<NeedsPage />, {
    url: '/needs',
    user: testUser('village_admin'),
    api: {
      '/api/rounds': { items: [round()] },
      '/api/rounds/:id/orgs/:orgId/:kind': list,
      ...api,
    },
  });

const rows = (page: HTMLElement) => page.querySelectorAll('.ant-form .ant-space-item .ant-select');

describe('NeedsPage and ResourcesPage', () => {
  it("loads the org's own list of the current round, with no rows until it answers", async () => {
    const { page, calls } = await open(pending());
    expect(await within(page).findByText(text('lists.publish'))).toBeInTheDocument();
    expect(rows(page)).toHaveLength(0);
    expect(calls('/api/rounds/:id/orgs/:orgId/:kind')[0].url.pathname).toBe(
      '/api/rounds/7/orgs/100/needs',
    );
  });

  it('shows the saved items in the form, and none for an empty list', async () => {
    const item = { id: 1, category: needCategories[1], note: '修路（测试）', amount: 5000 };
    const { page } = await open({ items: [item] });
    await waitFor(() => expect(within(page).getByDisplayValue('修路（测试）')).toBeInTheDocument());
    expect(rows(page)).toHaveLength(1);
  });

  it('says there is no round when none exists', async () => {
    const { page } = await open({ items: [] }, { '/api/rounds': { items: [] } });
    expect(await within(page).findByText(text('rounds.none'))).toBeInTheDocument();
    expect(within(page).queryByText(text('lists.publish'))).not.toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open(serverError());
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it("the resources page asks for the unit's resources", async () => {
    const { page, calls } = await renderPage(<ResourcesPage />, {
      url: '/resources',
      user: testUser('unit_admin'),
      api: {
        '/api/rounds': { items: [round()] },
        '/api/rounds/:id/orgs/:orgId/:kind': { items: [] },
      },
    });
    expect(await within(page).findByText(text('lists.publish'))).toBeInTheDocument();
    expect(calls('/api/rounds/:id/orgs/:orgId/:kind')[0].url.pathname).toBe(
      '/api/rounds/7/orgs/100/resources',
    );
  });

  it("refuses a negative amount and an over-long note with the server's words, changing neither", async () => {
    const { page, calls } = await open({ items: [] });
    fireEvent.click(await within(page).findByText(text('lists.add')));
    const note = within(page).getByPlaceholderText(text('lists.note'));
    const amount = within(page).getByPlaceholderText(text('lists.amount'));
    const long = '路'.repeat(600);
    fireEvent.change(note, { target: { value: long } });
    fireEvent.change(amount, { target: { value: '-100' } });
    fireEvent.blur(amount);
    fireEvent.click(within(page).getByText(text('lists.publish')));
    const body = roundsApi.replaceNeeds.body;
    const server = body.safeParse({
      items: [{ category: needCategories[0], note: long, amount: -100 }],
    });
    const messages = server.success ? [] : server.error.issues.map((i) => i.message);
    expect(messages).toHaveLength(2);
    for (const message of messages)
      expect(await within(page).findByText(message)).toBeInTheDocument();
    expect((note as HTMLInputElement).value).toHaveLength(600);
    expect((amount as HTMLInputElement).value).toBe('-100');
    expect(calls('PUT /api/rounds/:id/orgs/:orgId/:kind')).toHaveLength(0);
  });
});
