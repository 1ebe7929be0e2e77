import type { DirectoryEntry } from '@pairing/shared';
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { round } from '../../test/fixtures.ts';
import {
  findAfterLoading,
  failure,
  isLoading,
  paged,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  tableIn,
  text,
  type Reply,
  type Routes,
} from '../../test/render.tsx';
import { wideScreen } from '../../test/screens.ts';
import PublicDirectoryPage from './PublicDirectoryPage.tsx';

const entry: DirectoryEntry = {
  id: 31,
  code: '310116101203',
  name: '民主村村委会',
  kind: 'village',
  weakVillage: true,
  townName: '朱泾镇',
  districtId: 11,
  districtName: '金山区',
  needs: ['产业发展'],
  taken: 1,
  cap: 2,
  covered: true,
  pairedUnits: ['上海市农业农村委员会'],
};

/** Anonymous, as anyone opens it. */
const open = (directory: Reply, api: Routes = {}, url = '/board/7/directory') =>
  renderPage(<PublicDirectoryPage />, {
    url,
    path: '/board/:roundId/directory',
    api: {
      '/api/public/rounds': { items: [round()] },
      '/api/public/rounds/:id/directory': directory,
      '/api/public/rounds/:id/directory/areas': { districts: [] },
      ...api,
    },
  });

const list = (page: HTMLElement) => tableIn(page, 'public-directory');

describe('PublicDirectoryPage', () => {
  it('shows a spinner while the directory loads', async () => {
    const { page } = await open(pending());
    await within(page).findByTestId('public-directory');
    expect(isLoading(list(page))).toBe(true);
  });

  it('says nothing matches', async () => {
    const { page } = await open(paged());
    expect(await findAfterLoading(list(page), text('publicDirectory.empty'))).toBeInTheDocument();
  });

  it('lists each village with its place, weak tag, needs and paired units, without signing in', async () => {
    const { page, calls } = await open(
      paged([entry]),
      {},
      '/board/7/directory?district=11&town=21',
    );
    const card = (await within(page).findByText('民主村村委会')).closest(
      '.ant-card',
    ) as HTMLElement;
    for (const shown of [
      '金山区 · 朱泾镇',
      text('org.weakVillage'),
      '产业发展',
      '上海市农业农村委员会',
    ])
      expect(card).toHaveTextContent(shown);
    const query = calls('/api/public/rounds/:id/directory')[0].url.searchParams;
    expect(query.get('district')).toBe('11');
    expect(query.get('town')).toBe('21');
    expect(calls('/api/auth/me').length).toBeLessThanOrEqual(1);
  });

  it('says a village is not paired yet, in a table on a wide screen', async () => {
    wideScreen();
    const { page } = await open(paged([{ ...entry, pairedUnits: [], covered: false }]));
    const unpaired = await within(page).findByText(text('publicDirectory.unpaired'));
    expect(unpaired.closest('.ant-table')).not.toBeNull();
    expect(list(page)).toContainElement(unpaired);
  });

  it('says the round has no directory (a draft or an unknown round)', async () => {
    const { page } = await open(failure(404, '结对轮次不存在', 'not_found'));
    expect(await within(page).findByText(text('publicDirectory.notFound'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open(serverError());
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
