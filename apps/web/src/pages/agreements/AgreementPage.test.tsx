import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
import AgreementPage from './AgreementPage.tsx';

const open = (api: Routes) =>
  renderPage(<AgreementPage />, {
    url: '/agreements/12',
    path: '/agreements/:id',
    user: testUser('unit_admin'),
    api,
  });

describe('AgreementPage', () => {
  it('shows a spinner while the agreement loads', async () => {
    const { page, calls } = await open({ '/api/agreements/:id': pending() });
    expect(isLoading(page)).toBe(true);
    expect(calls('/api/agreements/12')).toHaveLength(1);
  });

  it('says the agreement is not there on a 404', async () => {
    const { page } = await open({ '/api/agreements/:id': failure(404, '未找到', 'not_found') });
    expect(await within(page).findByText(text('agreements.notFound'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/agreements/:id': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
