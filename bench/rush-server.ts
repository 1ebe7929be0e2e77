// One server process of the rush benchmark: the real app on PostgreSQL, on loopback only.
import { buildApp } from '../apps/server/src/app.ts';
import { openDb } from '../apps/server/src/db/client.ts';
import { systemClock } from '../apps/server/src/lib/clock.ts';

const url = process.env.RUSH_DATABASE_URL;
if (!url) throw new Error('RUSH_DATABASE_URL is required');
const dbh = await openDb({ url, poolSize: Number(process.env.RUSH_POOL ?? 16) });
// Every watcher of the benchmark comes from one loopback address: the stream caps, which guard a
// public server against one source's flood, would turn most of them away.
const streams = { perSource: 1_000_000, total: 1_000_000 };
const app = await buildApp({ dbh, clock: systemClock, config: { secureCookies: false, streams } });
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
process.stdout.write(`PORT ${port}\n`);
const stop = async () => {
  await app.close();
  await dbh.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
