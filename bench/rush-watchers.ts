// The board watchers of the rush, in a process of their own: parsing thousands of board frames
// must not hold up the event loop that times the submissions (in the field the watchers are other
// people's phones). Started by `openWatchers` (rush-setup.ts), it answers over IPC.
import { watch, type Watcher, type WatchReport, type WatchRequest } from './rush-setup.ts';

const port = Number(process.env.WATCH_PORT);
const roundId = Number(process.env.WATCH_ROUND);
const count = Number(process.env.WATCH_COUNT);

const watchers: Watcher[] = [];
for (let i = 0; i < count; i += 100)
  watchers.push(
    ...(await Promise.all(
      Array.from({ length: Math.min(100, count - i) }, () => watch(port, roundId)),
    )),
  );

const answer = (ask: WatchRequest['ask']) => {
  if (ask === 'lowest') return Math.min(...watchers.map((w) => w.arrivals.at(-1)?.count ?? 0));
  if (ask === 'report')
    return {
      arrivals: watchers.map((w) => w.arrivals.map((a) => [a.at, a.count])),
      reconnects: watchers.reduce((n, w) => n + w.reconnects, 0),
    } satisfies WatchReport;
  for (const w of watchers) {
    w.closed = true;
    w.req.destroy();
  }
  return null;
};
process.on('message', (request: WatchRequest) => {
  process.send!({ id: request.id, value: answer(request.ask) }, () => {
    if (request.ask === 'close') process.exit(0);
  });
});
process.send!({ id: 0, value: watchers.length });
