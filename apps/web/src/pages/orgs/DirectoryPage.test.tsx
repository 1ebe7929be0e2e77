import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
} from '../../test/render.tsx';
import DirectoryPage from './DirectoryPage.tsx';

/** `/api/orgs` answers the district picker with no districts and the list with `list`. */
const open = (list: Reply, url = '/orgs') =>
  renderPage(<DirectoryPage />, {
    url,
    user: testUser('city_admin'),
    api: {
      '/api/orgs/tree': { items: [] },
      '/api/orgs': (request) =>
        request.url.searchParams.get('kind') === 'district' &&
        request.url.searchParams.get('pageSize') === '100'
          ? Response.json(paged())
          : typeof list === 'function'
            ? list(request)
            : Response.json(list),
    },
  });

const table = (page: HTMLElement) => tableIn(page, 'directory-table');

describe('DirectoryPage', () => {
  it('shows a spinner in the table while the list loads', async () => {
    const { page } = await open(pending());
    expect(isLoading(table(page))).toBe(true);
  });

  it('says the scope is empty, or that nothing matches the filters', async () => {
    const empty = await open(paged());
    expect(await findAfterLoading(table(empty.page), text('directory.empty'))).toBeInTheDocument();
    empty.unmount();
    const filtered = await open(paged(), '/orgs?kind=village&weak=true');
    expect(
      await findAfterLoading(table(filtered.page), text('directory.noMatch')),
    ).toBeInTheDocument();
    const sent = filtered.calls('/api/orgs').map((c) => c.url.searchParams.get('weak'));
    expect(sent).toContain('true');
  });

  it('offers 新增单位 to the city admin', async () => {
    const { page } = await open(paged());
    expect(within(page).getByTestId('create-unit')).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open(serverError());
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
