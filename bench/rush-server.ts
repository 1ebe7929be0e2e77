// The server of the rush benchmark: the real app on PostgreSQL, on loopback only; RUSH_PROCESSES
// processes on one port through the same node:cluster supervision as `WORKERS=N npm start`.
import cluster from 'node:cluster';
import { buildApp } from '../apps/server/src/app.ts';
import { nameWorkerInAnswers, superviseWorkers } from '../apps/server/src/cluster.ts';
import { openDb } from '../apps/server/src/db/client.ts';
import { systemClock } from '../apps/server/src/lib/clock.ts';
import { rushLoad } from './rush-setup.ts';

const url = process.env.RUSH_DATABASE_URL;
if (!url) throw new Error('RUSH_DATABASE_URL is required');
const processes = Number(process.env.RUSH_PROCESSES ?? 1);
// Workers of one cluster share the port; the bench picks it so that a re-forked worker listens on
// the same one.
const port = Number(process.env.RUSH_PORT ?? 0);

if (processes > 1 && cluster.isPrimary) {
  await superviseWorkers(
    processes,
    () => process.stdout.write(`PORT ${port}\n`),
    (line) => process.stdout.write(`${line}\n`),
  );
}
const dbh = await openDb({ url, poolSize: rushLoad.pool });
// Every watcher of the benchmark comes from one loopback address: the stream caps, which guard a
// public server against one source's flood, would turn most of them away.
const streams = { perSource: 1_000_000, total: 1_000_000 };
const app = await buildApp({ dbh, clock: systemClock, config: { secureCookies: false, streams } });
nameWorkerInAnswers(app);
await app.listen({ port, host: '127.0.0.1' });
const { port: bound } = app.server.address() as { port: number };
process.stdout.write(
  cluster.isWorker ? `WORKER ${process.pid} listening\n` : `PORT ${bound}\nWORKER ${process.pid}\n`,
);
// The soak benchmark follows the server's memory from these lines.
const sampleMs = Number(process.env.RUSH_SAMPLE_MS ?? 0);
if (sampleMs > 0)
  setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    process.stdout.write(`MEMORY ${process.pid} ${rss} ${heapUsed}\n`);
  }, sampleMs).unref();
let stopping: Promise<void> | undefined;
const stop = async () => {
  await app.close();
  await dbh.close();
  process.exit(0);
};
process.on('SIGTERM', () => void (stopping ??= stop()));
process.on('SIGINT', () => void (stopping ??= stop()));
