// `npm run bench:rush-floor`: the database's share of an intention submission, without HTTP. The
// rush's city (rush-setup.ts) and its 6,000 submissions at concurrency 64, each through the
// server's own `submitIntention` on the server's pool (one statement: the places, the intention,
// its audit row and idempotency record), then the raw single-row INSERT baseline of bench:rush on
// the same database. The ratio is the most the HTTP rush's `insert_ratio` can reach on this
// machine: what the submission must write costs that many raw INSERTs.
import pg from 'pg';
import { openDb } from '../apps/server/src/db/client.ts';
import { systemClock } from '../apps/server/src/lib/clock.ts';
import { submitIntention } from '../apps/server/src/modules/intentions/commands/submit.ts';
import { atConcurrency, rawInsertRate, rushLoad, seed, villageOf } from './rush-setup.ts';

const { baseUrl, units, perUnit, total, concurrency, pool } = rushLoad;

const dbName = `pairing_floor_${process.pid}`;
const url = new URL(baseUrl);
url.pathname = `/${dbName}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
try {
  const { roundId, villageIds } = await seed(url.toString(), units, perUnit);
  const dbh = await openDb({ url: url.toString(), poolSize: pool });
  const actors = (
    await dbh.query<{ userId: number; username: string; orgId: number; path: string }>(
      `select u.id::int as "userId", u.username, o.id::int as "orgId", o.path
       from users u join orgs o on o.id = u.org_id order by u.id`,
    )
  ).rows;
  let refused = 0;
  const elapsed = await atConcurrency(total, concurrency, async (i) => {
    const actor = actors[i % units];
    const scope = { ...actor, role: 'unit_admin' as const, ip: '127.0.0.1' };
    const ruralOrgId = villageOf(i, units, villageIds);
    const key = { userId: actor.userId, key: `floor-${i}`, fingerprint: 'f', recorded: false };
    await submitIntention(dbh.db, scope, systemClock, { roundId, ruralOrgId }, key).catch(
      () => (refused += 1),
    );
  });
  const floorPerS = ((total - refused) / elapsed) * 1000;
  await dbh.close();
  const insertsPerS = await rawInsertRate(url.toString(), total, concurrency);
  console.log(
    `${total - refused}/${total} submissions without HTTP: ${floorPerS.toFixed(0)}/s; raw INSERTs ${insertsPerS.toFixed(0)}/s`,
  );
  console.log(
    `RESULT floor_per_s=${floorPerS.toFixed(0)} inserts_per_s=${insertsPerS.toFixed(0)} floor_ratio=${(floorPerS / insertsPerS).toFixed(3)} refused=${refused} pool=${pool} concurrency=${concurrency}`,
  );
} finally {
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
