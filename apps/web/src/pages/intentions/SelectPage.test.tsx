import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { orgRow, round } from '../../test/fixtures.ts';
import {
  findAfterLoading,
  isLoading,
  paged,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  tableIn,
  testUser,
  text,
  type Reply,
  type Routes,
} from '../../test/render.tsx';
import SelectPage from './SelectPage.tsx';

const unit = orgRow({ id: 100, kind: 'urban_unit', name: '测试单位', capacity: 2 });

const open = (directory: Reply, api: Routes = {}) =>
  renderPage(<SelectPage />, {
    url: '/intentions/select',
    user: testUser('unit_admin'),
    api: {
      '/api/rounds': { items: [round()] },
      '/api/rounds/:id/renewals': { items: [] },
      '/api/rounds/:id/intentions': { items: [] },
      '/api/orgs/:id': { org: unit },
      '/api/public/rounds/:id/directory': directory,
      ...api,
    },
  });

describe('SelectPage', () => {
  it('shows a spinner while the villages load', async () => {
    const { page } = await open(pending());
    await within(page).findByTestId('directory-table');
    expect(isLoading(tableIn(page, 'directory-table'))).toBe(true);
  });

  it('says no village matches and no intention was sent yet', async () => {
    const { page, calls } = await open(paged(), { '/api/rounds/:id/intentions': { items: [] } });
    await within(page).findByTestId('directory-table');
    expect(
      await findAfterLoading(tableIn(page, 'directory-table'), text('common.noMatch')),
    ).toBeInTheDocument();
    expect(
      await findAfterLoading(tableIn(page, 'my-intentions'), text('select.noneYet')),
    ).toBeInTheDocument();
    expect(calls('/api/public/rounds/:id/directory')[0].url.pathname).toBe(
      '/api/public/rounds/7/directory',
    );
  });

  it('says there is no round when none exists', async () => {
    const { page } = await open(paged(), { '/api/rounds': { items: [] } });
    expect(await within(page).findByText(text('rounds.none'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open(serverError());
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
