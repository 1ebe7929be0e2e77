import { within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Board } from '../rounds/api.ts';
import {
  failure,
  isLoading,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  text,
  type Reply,
} from '../../test/render.tsx';
import BoardPage from './BoardPage.tsx';

/** jsdom has no EventSource: one that connects to nothing. */
class QuietEventSource {
  static opened: string[] = [];
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    QuietEventSource.opened.push(url);
  }
  addEventListener() {}
  close() {}
}

const zero = { covered: 0, total: 0 };
const emptyBoard: Board = {
  roundId: 7,
  name: '2026 年度城乡结对',
  state: 'intentions_open',
  intentions: { pending: 0, accepted: 0 },
  agreementsSigned: 0,
  coverage: [],
  totals: { towns: zero, villages: zero, weakVillages: zero },
  deadlines: [],
  computedAt: '2026-02-01T08:00:00.000Z',
};

// A public page: nobody is signed in.
const open = (board: Reply) =>
  renderPage(<BoardPage />, {
    url: '/board/7',
    path: '/board/:roundId',
    api: { '/api/public/rounds/:id/board': board },
  });

beforeEach(() => {
  QuietEventSource.opened = [];
  vi.stubGlobal('EventSource', QuietEventSource);
});

describe('BoardPage', () => {
  it('shows a spinner until the board arrives, and subscribes to its stream', async () => {
    const { page } = await open(pending());
    expect(isLoading(page)).toBe(true);
    expect(QuietEventSource.opened).toEqual(['/api/public/rounds/7/board/stream']);
  });

  it('shows an empty board with zero counts', async () => {
    const { page } = await open(emptyBoard);
    expect(await within(page).findByTestId('board-title')).toHaveTextContent(emptyBoard.name);
    expect(within(page).getByTestId('board-covered-villages')).toHaveTextContent('0 / 0');
    expect(within(page).getByTestId('board-stream')).toHaveTextContent(
      text('board.stream.connecting'),
    );
  });

  it('says the round is not public on a 404', async () => {
    const { page } = await open(failure(404, '未找到', 'not_found'));
    expect(await within(page).findByText(text('board.notFound'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open(serverError());
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
