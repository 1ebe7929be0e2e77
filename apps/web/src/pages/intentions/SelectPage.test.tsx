import type { TargetEntry } from '@pairing/shared';
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
import { wideScreen } from '../../test/screens.ts';
import SelectPage from './SelectPage.tsx';

const unit = orgRow({ id: 100, kind: 'urban_unit', name: '测试单位', capacity: 2 });

const areas = {
  districts: [
    { id: 11, name: '金山区', towns: [{ id: 21, name: '朱泾镇' }] },
    { id: 12, name: '青浦区', towns: [{ id: 22, name: '朱家角镇' }] },
  ],
};

const village: TargetEntry = {
  id: 31,
  code: '310116101203',
  name: '民主村村委会',
  kind: 'village',
  weakVillage: true,
  townName: '朱泾镇',
  districtId: 11,
  districtName: '金山区',
  needs: [
    { category: '产业发展', note: '果园冷库一座', amount: 80_000 },
    { category: '教育培训', note: null, amount: null },
  ],
  taken: 1,
  cap: 2,
  covered: true,
  pairedUnits: ['上海市农业农村委员会'],
};

const open = (directory: Reply, api: Routes = {}, url = '/intentions/select') =>
  renderPage(<SelectPage />, {
    url,
    user: testUser('unit_admin'),
    api: {
      '/api/rounds': { items: [round()] },
      '/api/rounds/:id/renewals': { items: [] },
      '/api/rounds/:id/intentions': { items: [] },
      '/api/orgs/:id': { org: unit },
      '/api/rounds/:id/targets': directory,
      '/api/public/rounds/:id/directory/areas': areas,
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
    expect(calls('/api/rounds/:id/targets')[0].url.pathname).toBe('/api/rounds/7/targets');
  });

  it('says there is no round when none exists', async () => {
    const { page } = await open(paged(), { '/api/rounds': { items: [] } });
    expect(await within(page).findByText(text('rounds.none'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open(serverError());
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('shows each need in full with the town, district and weak tag, as a card on a phone', async () => {
    const { page } = await open(paged([village]));
    const needs = await within(page).findByTestId('needs-31');
    expect(needs).toHaveTextContent('果园冷库一座');
    expect(needs).toHaveTextContent(text('choose.amount', { amount: '80,000' }));
    expect(needs).toHaveTextContent('教育培训');
    const card = needs.closest('.ant-card') as HTMLElement;
    expect(card).toHaveTextContent('金山区 · 朱泾镇');
    expect(card).toHaveTextContent(text('org.weakVillage'));
    expect(card).toHaveTextContent(text('choose.pairedWith', { names: '上海市农业农村委员会' }));
    expect(page.querySelector('.ant-table')).toBeNull();
  });

  it('lays the villages out as a table on a wide screen', async () => {
    wideScreen();
    const { page } = await open(paged([village]));
    const needs = await within(page).findByTestId('needs-31');
    expect(needs).toHaveTextContent('果园冷库一座');
    expect(needs.closest('.ant-table')).not.toBeNull();
    expect(tableIn(page, 'directory-table')).toContainElement(needs);
  });

  it('asks for the district and town in the address, and offers the round’s districts', async () => {
    const { page, calls } = await open(
      paged([village]),
      {},
      '/intentions/select?district=11&town=21',
    );
    await within(page).findByTestId('needs-31');
    const query = calls('/api/rounds/:id/targets')[0].url.searchParams;
    expect(query.get('district')).toBe('11');
    expect(query.get('town')).toBe('21');
    expect(calls('/api/public/rounds/:id/directory/areas')[0].url.pathname).toBe(
      '/api/public/rounds/7/directory/areas',
    );
    const district = within(page).getByTestId('filter-district');
    expect(await within(district).findByText('金山区')).toBeInTheDocument();
  });
});
