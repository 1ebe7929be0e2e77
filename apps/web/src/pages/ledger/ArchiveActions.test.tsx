import { fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderPage, testUser, text, type StubRequest } from '../../test/render.tsx';
import { ArchiveActions } from './ArchiveActions.tsx';

const xlsx = () =>
  new File(['PK'], '台账.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

async function upload(page: HTMLElement, file: File) {
  const input = page.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
}

describe('ArchiveActions', () => {
  it('links the workbook, the archive and the donor letter of the chosen year', async () => {
    const { page } = await renderPage(<ArchiveActions pairingId={5} year={2024} />, {
      user: testUser('unit_admin'),
    });
    const link = (name: RegExp) => within(page).getByRole('link', { name }).getAttribute('href');
    expect(link(/Excel/)).toBe('/api/pairings/5/archive.xlsx');
    expect(link(/Word/)).toBe('/api/pairings/5/archive.docx');
    expect(within(page).getByTestId('donor-letter').getAttribute('href')).toBe(
      '/api/pairings/5/donor-letter?year=2024',
    );
  });

  it('lists the row errors of a refused import', async () => {
    const sent: StubRequest[] = [];
    const { page } = await renderPage(<ArchiveActions pairingId={5} />, {
      user: testUser('village_admin'),
      api: {
        'POST /api/pairings/:id/records/import': (request) => {
          sent.push(request);
          return json(
            {
              error: {
                code: 'import_rejected',
                message: '工作簿中有 1 处问题',
                fields: {},
                rows: [
                  { sheet: '资金', row: 3, column: '金额（元）', message: '请填写金额（元）' },
                ],
                rowCount: 1,
              },
            },
            422,
          )(request);
        },
      },
    });
    await upload(page, xlsx());
    const rejected = await within(page).findByTestId('archive-rejected');
    expect(within(rejected).getByText(text('archive.rejected', { count: 1 }))).toBeInTheDocument();
    for (const cell of ['资金', '3', '金额（元）', '请填写金额（元）'])
      expect(within(rejected).getByText(cell)).toBeInTheDocument();
    expect(sent[0].init!.body).toBeInstanceOf(FormData);
  });

  it('says how many records an accepted import added', async () => {
    const { page } = await renderPage(<ArchiveActions pairingId={5} canExport={false} />, {
      user: testUser('village_admin'),
      api: {
        'POST /api/pairings/:id/records/import': json(
          {
            imported: 3,
            byType: { visit: 3, activity: 0, fund: 0, progress: 0, acceptance: 0, report: 0 },
          },
          201,
        ),
      },
    });
    expect(within(page).queryByRole('link', { name: /Excel/ })).toBeNull();
    await upload(page, xlsx());
    await waitFor(() =>
      expect(within(page).getByTestId('archive-imported').textContent).toContain(
        text('archive.imported', { count: 3 }),
      ),
    );
  });
});
