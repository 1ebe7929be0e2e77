import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import ImportsPage from './ImportsPage.tsx';

const open = (api: Routes = {}) =>
  renderPage(<ImportsPage />, { url: '/imports', user: testUser('city_admin'), api });

const workbook = (name = 'units.xlsx') => new File(['PK'], name, { type: 'application/zip' });
const fileInput = (page: HTMLElement) => page.querySelector<HTMLInputElement>('input[type=file]')!;

describe('ImportsPage', () => {
  it('starts with no job, no progress and no error', async () => {
    const { page, calls } = await open();
    expect(within(page).getByText(text('imports.title'))).toBeInTheDocument();
    expect(within(page).queryByTestId('import-progress')).not.toBeInTheDocument();
    expect(within(page).queryByTestId('import-error')).not.toBeInTheDocument();
    expect(calls('/api/imports/:kind')).toHaveLength(0);
  });

  it('shows progress while the workbook uploads', async () => {
    const { page, calls } = await open({ 'POST /api/imports/:kind': pending() });
    await userEvent.upload(fileInput(page), workbook());
    expect(calls('POST /api/imports/:kind')[0].url.pathname).toBe('/api/imports/units');
    expect(page.querySelector('.ant-progress')).toBeInTheDocument();
  });

  it('refuses a file that is not a workbook without sending it', async () => {
    const { page, calls } = await open();
    await userEvent.setup({ applyAccept: false }).upload(fileInput(page), workbook('list.csv'));
    expect(await within(page).findByTestId('import-error')).toHaveTextContent(
      text('imports.notXlsx'),
    );
    expect(calls('/api/imports/:kind')).toHaveLength(0);
  });

  it("shows the server's error", async () => {
    const { page } = await open({ 'POST /api/imports/:kind': serverError() });
    await userEvent.upload(fileInput(page), workbook());
    expect(await within(page).findByTestId('import-error')).toHaveTextContent(serverErrorMessage);
  });
});
