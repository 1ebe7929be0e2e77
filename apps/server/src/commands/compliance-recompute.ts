// `npm run pairing -- compliance:recompute [--at YYYY-MM-DD]`: every pairing's compliance as of a
// day (today in China time by default), stored as the daily run stores it (issue 12 item 7).
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { calendarDate } from '@pairing/shared';
import { openConfiguredDb } from '../db/client.ts';
import { systemClock } from '../lib/clock.ts';
import { todayOf } from '../modules/ledger/days.ts';
import { recomputeAll, type RecomputeProgress } from '../modules/ledger/compliance/recompute.ts';

const usage =
  '用法: npm run pairing -- compliance:recompute [--at YYYY-MM-DD] [--batch-size <100–10000>]';

/** A bar on a terminal; plain lines (every 10%) when the output is a log or a pipe. */
function progressReporter() {
  if (process.stdout.isTTY) {
    const bar = new SingleBar(
      { format: '重算履约状态 [{bar}] {percentage}% | {value}/{total} 对结对' },
      Presets.shades_classic,
    );
    let started = false;
    return {
      onProgress: (p: RecomputeProgress) => {
        if (!started) bar.start(p.total, p.done);
        started = true;
        bar.update(p.done);
      },
      stop: () => bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    onProgress: (p: RecomputeProgress) => {
      const tenth = p.total ? Math.floor((p.done / p.total) * 10) : 10;
      if (tenth !== lastTenth) console.log(`重算履约状态 ${tenth * 10}% (${p.done}/${p.total})`);
      lastTenth = tenth;
    },
    stop: () => undefined,
  };
}

export async function complianceRecomputeCommand(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { at: { type: 'string' }, 'batch-size': { type: 'string' } },
    }));
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${usage}`);
  }
  const at = values.at ?? todayOf(systemClock);
  const batchSize = Number(values['batch-size'] ?? 1000);
  if (!calendarDate.safeParse(at).success)
    throw new Error(`--at 须为日期 YYYY-MM-DD: ${at}\n${usage}`);
  if (!Number.isInteger(batchSize) || batchSize < 100 || batchSize > 10_000) {
    throw new Error(`--batch-size 须为 100 到 10000 的整数\n${usage}`);
  }
  const dbh = await openConfiguredDb();
  try {
    await dbh.migrate();
    const progress = progressReporter();
    const failures: string[] = [];
    const started = Date.now();
    const result = await recomputeAll(dbh.db, at, {
      batchSize,
      onProgress: progress.onProgress,
      onFailure: (id, err) =>
        failures.push(`结对 ${id} 的台账无法评估: ${err instanceof Error ? err.message : err}`),
    });
    progress.stop();
    for (const line of failures) console.error(line);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `完成: 按 ${at} 重算 ${result.done} 对结对, 有变化 ${result.changed}, 仅更新日期 ${result.moved}, 无法评估 ${result.failed}, 用时 ${seconds.toFixed(1)} 秒`,
    );
    if (result.failed > 0) process.exitCode = 1;
  } finally {
    await dbh.close();
  }
}
