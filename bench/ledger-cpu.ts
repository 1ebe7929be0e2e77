// CPU time of this process and of its PostgreSQL sessions (read from /proc when the server runs
// on this machine): on a shared machine, wall-clock rates also count the time spent waiting for a
// core, so the bench prints both.
import { readFileSync } from 'node:fs';
import type { DbHandle } from '../apps/server/src/db/client.ts';

const ticksPerSecond = 100;

/** User + system seconds of a process, or null when it is not visible here. */
function processSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

async function sessionPids(dbh: DbHandle) {
  const { rows } = await dbh.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database()`,
  );
  return rows.map((r) => r.pid);
}

/**
 * Start measuring; the function answers the seconds used since by this process and by the
 * database's sessions (null when they are not on this machine). Sessions opened meanwhile count
 * whole; a session closed meanwhile had been idle (the pool closes idle ones after 10 s).
 */
export async function cpuMeter(dbh: DbHandle) {
  const node = process.cpuUsage();
  const before = new Map((await sessionPids(dbh)).map((pid) => [pid, processSeconds(pid)]));
  const visible = [...before.values()].some((s) => s !== null);
  return async () => {
    const used = process.cpuUsage(node);
    let database = 0;
    for (const pid of new Set([...before.keys(), ...(await sessionPids(dbh))])) {
      const now = processSeconds(pid);
      if (now !== null) database += now - (before.get(pid) ?? 0);
    }
    return { node: (used.user + used.system) / 1e6, database: visible ? database : null };
  };
}
