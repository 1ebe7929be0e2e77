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
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import DistrictPairsPage from './DistrictPairsPage.tsx';

const open = (api: Routes, role: 'city_admin' | 'inspector' = 'city_admin') =>
  renderPage(<DistrictPairsPage />, {
    url: '/district-pairs',
    user: testUser(role),
    api: { '/api/orgs': paged(), ...api },
  });

describe('DistrictPairsPage', () => {
  it('shows a spinner while the pairs load', async () => {
    const { page } = await open({ '/api/district-pairs': pending() });
    expect(isLoading(page)).toBe(true);
  });

  it('says there are no pairs; the city admin may edit, an inspector may not', async () => {
    const admin = await open({ '/api/district-pairs': { items: [] } });
    expect(await findAfterLoading(admin.page, text('districtPairs.empty'))).toBeInTheDocument();
    expect(within(admin.page).getByTestId('district-pairs-edit')).toBeInTheDocument();
    admin.unmount();
    const inspector = await open({ '/api/district-pairs': { items: [] } }, 'inspector');
    expect(await findAfterLoading(inspector.page, text('districtPairs.empty'))).toBeInTheDocument();
    expect(within(inspector.page).queryByTestId('district-pairs-edit')).not.toBeInTheDocument();
    expect(inspector.calls('/api/orgs')).toHaveLength(0);
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/district-pairs': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
