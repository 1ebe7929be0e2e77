import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { allocateCompact, type CompactInstance } from '../src/index.ts';
import { readInstance } from '../src/instance-reader.ts';
import { resultChunks } from '../src/result-writer.ts';
import { loadLpSolver, lpOptimum } from '../test/lp-oracle.ts';
import { generate, type Scale } from './generate.ts';
import { instanceJsonChunks, toInstance } from './instance-json.ts';

// `npm run bench:allocator [-- --file]`: solve times, peak memory, and the LP solver on the same
// instances; --file also streams a national instance through a JSON file as the CLI does.
const SHANGHAI: Scale = {
  name: 'shanghai',
  targets: 1600,
  units: 5000,
  edgesPerTarget: 30,
  districts: 9,
  seed: 1,
};
const REGION: Scale = {
  name: 'region',
  targets: 8000,
  units: 25000,
  edgesPerTarget: 25,
  districts: 40,
  seed: 3,
};
const NATIONAL: Scale = {
  name: 'national',
  targets: 490_000,
  units: 1_500_000,
  edgesPerTarget: 20,
  districts: 2800,
  seed: 2,
};

const gib = (bytes: number): string => (bytes / 2 ** 30).toFixed(2);
const peakGib = (): number => (process.resourceUsage().maxRSS * 1024) / 2 ** 30;

function describe(scale: Scale, instance: CompactInstance): string {
  return `${scale.name}: ${instance.targetIds.length} targets, ${instance.unitIds.length} units, ${instance.edgeCost.length} edges, ${instance.fixedUnit.length} fixed`;
}

/** Median of several runs after a warm-up, since the engine runs inside a long-lived server. */
function timeSolve(
  instance: CompactInstance,
  runs: number,
): { seconds: number; cold: number; covered: number; cost: number } {
  const times: number[] = [];
  let result = allocateCompact(instance);
  for (let r = 0; r <= runs; r++) {
    const started = performance.now();
    result = allocateCompact(instance);
    times.push((performance.now() - started) / 1000);
  }
  const cold = times.shift()!;
  times.sort((a, b) => a - b);
  return {
    seconds: times[Math.floor(times.length / 2)],
    cold,
    covered: result.covered,
    cost: result.totalCost,
  };
}

function compareWithLp(scale: Scale): { ratio: number; equal: boolean; seconds: number } {
  const instance = generate(scale);
  console.log(describe(scale, instance));
  const coldStart = performance.now();
  allocateCompact(instance);
  const firstRun = (performance.now() - coldStart) / 1000;
  const ours = timeSolve(instance, 5);
  const objects = toInstance(instance);
  const started = performance.now();
  const lp = lpOptimum(objects);
  const lpSeconds = (performance.now() - started) / 1000;
  const equal = lp.covered === ours.covered && lp.totalCost === ours.cost;
  const ratio = lpSeconds / ours.seconds;
  console.log(
    `  engine ${ours.seconds.toFixed(4)} s (median of 5, first run in process ${firstRun.toFixed(4)} s): covered ${ours.covered}, cost ${ours.cost}`,
  );
  console.log(
    `  HiGHS LP ${lpSeconds.toFixed(3)} s: covered ${lp.covered}, cost ${lp.totalCost}; ratio ${ratio.toFixed(0)}×, optima ${equal ? 'equal' : 'DIFFERENT'}`,
  );
  return { ratio, equal, seconds: ours.seconds };
}

async function streamThroughFile(instance: CompactInstance): Promise<void> {
  const path = '/tmp/allocator-national.json';
  const outPath = '/tmp/allocator-national-out.json';
  let started = performance.now();
  const writer = createWriteStream(path);
  await pipeline(Readable.from(instanceJsonChunks(instance)), writer);
  console.log(
    `  wrote ${gib(writer.bytesWritten)} GiB of JSON in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  try {
    started = performance.now();
    const loaded = await readInstance(createReadStream(path, { highWaterMark: 1 << 22 }));
    const load = (performance.now() - started) / 1000;
    started = performance.now();
    const result = allocateCompact(loaded);
    const solve = (performance.now() - started) / 1000;
    started = performance.now();
    await pipeline(
      Readable.from(resultChunks(loaded, result, Math.round(solve * 1000))),
      createWriteStream(outPath),
    );
    const write = (performance.now() - started) / 1000;
    console.log(
      `  file round trip: load ${load.toFixed(1)} s, solve ${solve.toFixed(1)} s, write ${write.toFixed(1)} s; covered ${result.covered}, cost ${result.totalCost}; peak RSS ${peakGib().toFixed(2)} GiB`,
    );
  } finally {
    rmSync(path, { force: true });
    rmSync(outPath, { force: true });
  }
}

async function main(): Promise<void> {
  await loadLpSolver();
  const shanghai = compareWithLp(SHANGHAI);
  const region = compareWithLp(REGION);

  const national = generate(NATIONAL);
  console.log(describe(NATIONAL, national));
  const started = performance.now();
  const result = allocateCompact(national);
  const nationalSeconds = (performance.now() - started) / 1000;
  const peak = peakGib();
  console.log(
    `  engine ${nationalSeconds.toFixed(2)} s: covered ${result.covered}, cost ${result.totalCost}, ${result.uncoveredTarget.length} targets short; heap ${gib(process.memoryUsage().heapUsed)} GiB, peak RSS ${peak.toFixed(2)} GiB`,
  );
  if (process.argv.includes('--file')) await streamThroughFile(national);

  console.log(
    `RESULT shanghai_s=${shanghai.seconds.toFixed(4)} national_s=${nationalSeconds.toFixed(2)} national_peak_gib=${peak.toFixed(2)} lp_ratio=${Math.min(shanghai.ratio, region.ratio).toFixed(0)} optimum_equal=${shanghai.equal && region.equal}`,
  );
}

await main();
