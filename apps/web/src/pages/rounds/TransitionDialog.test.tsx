import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TransitionPreview } from '@pairing/shared';
import { round } from '../../test/fixtures.ts';
import {
  failure,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import RoundDetailPage from './RoundDetailPage.tsx';

const unfinished: TransitionPreview = {
  from: 'intentions_open',
  to: 'balancing',
  needsConfirmation: true,
  items: [
    { kind: 'intentionDeadlineAhead', count: 12, outcome: 'closeEarly', date: '2026-04-30' },
    { kind: 'pendingIntentions', count: 1543, outcome: 'lapse', date: null },
    { kind: 'uncoveredTargets', count: 87, outcome: 'allocate', date: null },
  ],
};
const clear: TransitionPreview = { ...unfinished, items: [], needsConfirmation: false };

async function openDialog(api: Routes) {
  const rendered = await renderPage(<RoundDetailPage />, {
    url: '/rounds/7',
    path: '/rounds/:id',
    user: testUser('city_admin'),
    api: { '/api/rounds/:id': { round: round() }, '/api/rounds/:id/quotas': { items: [] }, ...api },
  });
  fireEvent.click(await within(rendered.page).findByTestId('round-advance'));
  const dialog = await screen.findByRole('dialog');
  return { ...rendered, dialog };
}

const body = (init: RequestInit | undefined) => JSON.parse(String(init?.body));

describe('TransitionDialog (the round detail page’s stage change)', () => {
  it('lists what is unfinished with counts and outcomes, and needs confirmation and a reason', async () => {
    const { dialog, calls } = await openDialog({
      '/api/rounds/:id/transition-preview': unfinished,
      'POST /api/rounds/:id/transitions': { round: round({ state: 'balancing' }) },
    });
    expect(calls('/api/rounds/7/transition-preview')[0].url.search).toBe('?to=balancing');
    const list = await within(dialog).findByTestId('transition-unfinished');
    expect(
      within(list).getByText(text('stage.kind.pendingIntentions', { count: 1543 })),
    ).toBeInTheDocument();
    expect(
      within(list).getByText(
        text('stage.kind.intentionDeadlineAhead', { count: 12, date: '2026-04-30' }),
      ),
    ).toBeInTheDocument();
    expect(within(list).getByText(text('stage.outcome.lapse'))).toBeInTheDocument();
    expect(within(list).getByText(text('stage.effect.intentions.lapse'))).toBeInTheDocument();
    expect(within(list).getByText(text('stage.effect.uncovered.allocate'))).toBeInTheDocument();

    const submit = within(dialog).getByTestId('transition-submit');
    expect(submit).toBeDisabled();
    await userEvent.click(within(dialog).getByTestId('transition-confirm'));
    expect(submit).toBeDisabled();
    await userEvent.type(within(dialog).getByTestId('transition-reason'), '市里统一部署');
    await waitFor(() => expect(submit).toBeEnabled());
    await userEvent.click(submit);
    await waitFor(() => expect(calls('POST /api/rounds/:id/transitions')).toHaveLength(1));
    expect(body(calls('POST /api/rounds/:id/transitions')[0].init)).toEqual({
      to: 'balancing',
      confirm: true,
      reason: '市里统一部署',
    });
  });

  it('moves on without a reason when nothing is unfinished', async () => {
    const { dialog, calls } = await openDialog({
      '/api/rounds/:id/transition-preview': clear,
      'POST /api/rounds/:id/transitions': { round: round({ state: 'balancing' }) },
    });
    expect(await within(dialog).findByText(text('stage.nothing'))).toBeInTheDocument();
    expect(within(dialog).queryByTestId('transition-reason')).toBeNull();
    const submit = within(dialog).getByTestId('transition-submit');
    await waitFor(() => expect(submit).toBeEnabled());
    await userEvent.click(submit);
    await waitFor(() => expect(calls('POST /api/rounds/:id/transitions')).toHaveLength(1));
    expect(body(calls('POST /api/rounds/:id/transitions')[0].init)).toEqual({ to: 'balancing' });
  });

  it('checks again when the server finds the work changed since the preview', async () => {
    const { dialog, calls } = await openDialog({
      '/api/rounds/:id/transition-preview': clear,
      'POST /api/rounds/:id/transitions': failure(
        409,
        '本轮还有未完成事项',
        'transition_unconfirmed',
      ),
    });
    const submit = within(dialog).getByTestId('transition-submit');
    await waitFor(() => expect(submit).toBeEnabled());
    await userEvent.click(submit);
    expect(await within(dialog).findByTestId('transition-error')).toHaveTextContent(
      text('stage.changed'),
    );
    await waitFor(() => expect(calls('/api/rounds/7/transition-preview')).toHaveLength(2));
  });

  it('shows the preview’s error and offers no move', async () => {
    const { dialog } = await openDialog({ '/api/rounds/:id/transition-preview': serverError() });
    expect(await within(dialog).findByText(serverErrorMessage)).toBeInTheDocument();
    expect(within(dialog).getByTestId('transition-submit')).toBeDisabled();
  });
});
