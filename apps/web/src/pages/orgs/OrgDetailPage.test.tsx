import { within, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { orgDetail } from '../../test/fixtures.ts';
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
import OrgDetailPage from './OrgDetailPage.tsx';

const open = (api: Routes) =>
  renderPage(<OrgDetailPage />, {
    url: '/orgs/200',
    path: '/orgs/:id',
    user: testUser('city_admin'),
    api,
  });

describe('OrgDetailPage', () => {
  it('shows a skeleton while the organization loads', async () => {
    const { page, calls } = await open({ '/api/orgs/:id': pending() });
    expect(isLoading(page)).toBe(true);
    await waitFor(() => expect(calls('/api/orgs/200')).toHaveLength(1));
  });

  it('says a town has no organizations below it yet', async () => {
    const town = orgDetail({ id: 200, kind: 'town', name: '和平镇', childCounts: {} });
    const { page } = await open({ '/api/orgs/:id': { org: town } });
    expect(await within(page).findByText(text('org.noChildren'))).toBeInTheDocument();
  });

  it('says the organization is not there on a 404', async () => {
    const { page } = await open({ '/api/orgs/:id': failure(404, '未找到', 'not_found') });
    expect(await within(page).findByText(text('org.notFound'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/orgs/:id': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
