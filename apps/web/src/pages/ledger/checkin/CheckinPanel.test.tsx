import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckinList } from '@pairing/shared';
import {
  findAfterLoading,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
} from '../../../test/render.tsx';
import { CheckinPanel } from './CheckinPanel.tsx';

const list = '/api/records/5/checkins';
const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
const code = { url: '/checkin/tok123', token: 'tok123', expiresAt };

const answer = (overrides: Partial<CheckinList> = {}): CheckinList => ({
  openUntil: null,
  checkins: [],
  abilities: { open: true },
  ...overrides,
});

const open = (api: Routes) =>
  renderPage(<CheckinPanel recordId={5} />, {
    url: '/records/5/checkin',
    user: testUser('unit_admin'),
    api,
  });

// The tab keeps the code it opened (codeStore.ts); each test starts without one.
beforeEach(() => sessionStorage.clear());

describe('CheckinPanel', () => {
  it('opens a code and shows it as a QR code with its expiry and who has checked in', async () => {
    let current = answer();
    const { page, calls } = await open({
      [`GET ${list}`]: () => Response.json(current),
      'POST /api/records/5/checkin-code': () => {
        current = answer({
          openUntil: expiresAt,
          checkins: [{ id: 1, rosterId: 11, name: '张三', at: new Date().toISOString() }],
        });
        return Response.json(code, { status: 201 });
      },
    });
    expect(await findAfterLoading(page, text('checkin.notOpen'))).toBeInTheDocument();
    expect(within(page).getByText(text('checkin.nobodyYet'))).toBeInTheDocument();

    await userEvent.click(within(page).getByTestId('checkin-open'));
    const qr = await within(page).findByTestId('checkin-qr');
    expect(qr.getAttribute('data-value')).toBe(`${window.location.origin}/checkin/tok123`);
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(await within(page).findByText('张三')).toBeInTheDocument();
    expect(within(page).getByText(text('checkin.checkedIn', { count: 1 }))).toBeInTheDocument();
    expect(within(page).getByTestId('checkin-reopen')).toBeInTheDocument();
    expect(calls(list).length).toBeGreaterThanOrEqual(2);
  });

  it('offers no code to a reader who may not open one', async () => {
    const { page } = await open({ [`GET ${list}`]: answer({ abilities: { open: false } }) });
    expect(await findAfterLoading(page, text('checkin.cannotOpen'))).toBeInTheDocument();
    expect(within(page).queryByTestId('checkin-open')).toBeNull();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ [`GET ${list}`]: serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
