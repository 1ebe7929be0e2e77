import { fireEvent, waitFor, within } from '@testing-library/react';
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

  it('says a search is limited to the selected node, searches below it, and offers everywhere', async () => {
    const { page, calls } = await open(paged(), '/orgs?parentId=42&parentName=朱泾镇&q=民主');
    const limit = await within(page).findByTestId('search-limit');
    expect(limit).toHaveTextContent(text('directory.limitedTo', { name: '朱泾镇' }));
    await waitFor(() => expect(calls('/api/orgs').length).toBeGreaterThan(1));
    const sent = calls('/api/orgs').at(-1)!.url.searchParams;
    expect(sent.get('under')).toBe('42');
    expect(sent.get('parentId')).toBeNull();
    expect(within(page).getByTestId('directory-search').closest('.ant-input-search')).toBeTruthy();
    fireEvent.click(within(page).getByTestId('search-everywhere'));
    await waitFor(() =>
      expect(within(document.body).getByTestId('location')).toHaveTextContent('/orgs?q='),
    );
    expect(within(page).queryByTestId('search-limit')).toBeNull();
    const last = calls('/api/orgs').at(-1)!.url.searchParams;
    expect(last.get('under')).toBeNull();
    expect(last.get('q')).toBe('民主');
  });

  it('browses the children of the selected node while nothing is searched', async () => {
    const { page, calls } = await open(paged(), '/orgs?parentId=42&parentName=朱泾镇');
    await within(page).findByTestId('search-limit');
    await waitFor(() =>
      expect(calls('/api/orgs').some((c) => c.url.searchParams.get('parentId') === '42')).toBe(
        true,
      ),
    );
    expect(
      within(page).getByPlaceholderText(text('directory.searchIn', { name: '朱泾镇' })),
    ).toBeInTheDocument();
  });
});
