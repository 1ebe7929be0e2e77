import type { Board } from '@pairing/shared';
import type { AppContext } from '../../context.ts';
import { boardChannel } from '../../lib/notify.ts';
import { sseFrame, type SseClient, type SseFrame } from '../../lib/sse.ts';
import { getPublicRound } from '../rounds/service.ts';
import { computeBoard } from './service.ts';

/**
 * At most one recomputation per round starts in this window, however many changes arrive. The
 * window runs from the start of the previous one, so a recomputation slowed by load (it queues for
 * the pool with the requests) does not stretch the cadence.
 */
export const coalesceMs = 800;

/**
 * Every watched board is also recomputed this often without a notification: a change whose NOTIFY
 * was lost (its process died in the 50 ms before sending it, board/notifier.ts) still reaches
 * every board. Unchanged boards are not sent again.
 */
export const refreshMs = 30_000;

type RoundFeed = {
  clients: Set<SseClient>;
  latest?: Board;
  /** `latest` as an event frame, for clients that subscribe before the next change. */
  frame?: SseFrame;
  timer?: NodeJS.Timeout;
  lastStarted: number;
  /** A change arrived after the board in `latest` was computed. */
  stale: boolean;
  /** The first computation, shared by every client that subscribes before it ends. */
  first?: Promise<Board>;
  /** The last board sent, but for its `computedAt`. */
  sentKey?: string;
};

const contentKey = (board: Board) => JSON.stringify({ ...board, computedAt: undefined });

/**
 * The board fan-out of one server process. It LISTENs once on the `board` channel (every process
 * does, so a change committed through any process reaches every stream), recomputes a round's
 * board at most every `coalesceMs` and sends the one result to all of its clients here.
 */
export class BoardHub {
  private feeds = new Map<number, RoundFeed>();
  private unlisten?: () => Promise<void>;
  private refresh?: NodeJS.Timeout;
  private stopped = false;

  constructor(private ctx: AppContext) {}

  async start() {
    this.unlisten = await this.ctx.dbh.listen(
      boardChannel,
      (payload) => {
        const roundId = Number(payload);
        if (Number.isSafeInteger(roundId)) this.changed(roundId);
      },
      // Changes committed while the LISTEN connection was away sent notifications nobody heard.
      () => this.changedAll(),
    );
    this.refresh = setInterval(
      () => this.changedAll(),
      this.ctx.config.boardRefreshMs ?? refreshMs,
    );
    this.refresh.unref();
  }

  async stop() {
    this.stopped = true;
    clearInterval(this.refresh);
    for (const feed of this.feeds.values()) {
      clearTimeout(feed.timer);
      for (const client of feed.clients) client.close();
    }
    this.feeds.clear();
    await this.unlisten?.();
  }

  /**
   * Add a client; it gets the last board computed at once (a pending change follows within the
   * coalescing window), so a crowd of new clients costs one computation, not one each.
   */
  async subscribe(roundId: number, client: SseClient) {
    let feed = this.feeds.get(roundId);
    if (!feed) {
      feed = { clients: new Set(), lastStarted: 0, stale: false };
      this.feeds.set(roundId, feed);
    }
    feed.clients.add(client);
    if (!feed.latest) {
      const own = feed;
      own.first ??= this.compute(roundId).finally(() => (own.first = undefined));
      const board = await own.first;
      // A recomputation that finished meanwhile holds a newer board.
      own.latest ??= board;
      own.frame ??= sseFrame('board', own.latest);
      own.sentKey ??= contentKey(own.latest);
    }
    client.send(feed.frame!);
  }

  unsubscribe(roundId: number, client: SseClient) {
    const feed = this.feeds.get(roundId);
    if (!feed) return;
    feed.clients.delete(client);
    if (feed.clients.size === 0) {
      clearTimeout(feed.timer);
      this.feeds.delete(roundId);
    }
  }

  get clientCount() {
    let n = 0;
    for (const feed of this.feeds.values()) n += feed.clients.size;
    return n;
  }

  private changedAll() {
    for (const [roundId, feed] of this.feeds) if (feed.clients.size) this.changed(roundId);
  }

  private changed(roundId: number) {
    const feed = this.feeds.get(roundId);
    if (!feed) return;
    feed.stale = true;
    if (feed.timer) return;
    const wait = Math.max(0, feed.lastStarted + coalesceMs - Date.now());
    feed.timer = setTimeout(() => void this.flush(roundId), wait);
  }

  private async flush(roundId: number) {
    const feed = this.feeds.get(roundId);
    if (!feed || this.stopped) return;
    feed.stale = false;
    feed.lastStarted = Date.now();
    try {
      feed.latest = await this.compute(roundId);
      feed.frame = sseFrame('board', feed.latest);
      const key = contentKey(feed.latest);
      if (key !== feed.sentKey) {
        feed.sentKey = key;
        for (const client of feed.clients) client.send(feed.frame);
      }
    } catch {
      // The round may be gone or the database briefly away; the next change tries again.
      feed.stale = true;
    } finally {
      feed.timer = undefined;
      // Changes that arrived during the computation get their own (coalesced) turn.
      if (feed.stale && feed.clients.size) this.changed(roundId);
    }
  }

  private async compute(roundId: number) {
    const round = await getPublicRound(this.ctx.dbh.db, roundId);
    return computeBoard(this.ctx.dbh.db, round, this.ctx.clock.now());
  }
}
