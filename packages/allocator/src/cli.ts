import { closeSync, createReadStream, createWriteStream, openSync, writeSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { allocateCompact } from './allocate.ts';
import { readInstance } from './instance-reader.ts';
import { resultChunks } from './result-writer.ts';

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(2)} s`;

/** `allocate --instance in.json --out out.json [--export-dimacs net.min]`, streaming both files. */
export async function allocateCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      instance: { type: 'string' },
      out: { type: 'string' },
      'export-dimacs': { type: 'string' },
    },
  });
  if (!values.instance || !values.out) {
    throw new Error('用法: allocate --instance in.json --out out.json [--export-dimacs net.min]');
  }

  let started = performance.now();
  const instance = await readInstance(
    createReadStream(values.instance, { highWaterMark: 1 << 22 }),
  );
  console.error(
    `loaded ${instance.targetIds.length} targets, ${instance.unitIds.length} units, ` +
      `${instance.edgeCost.length} edges in ${seconds(started)}`,
  );

  started = performance.now();
  const dimacsPath = values['export-dimacs'];
  const dimacsFile = dimacsPath ? openSync(dimacsPath, 'w') : undefined;
  let result;
  try {
    result = allocateCompact(
      instance,
      dimacsFile === undefined ? {} : { dimacs: (chunk) => void writeSync(dimacsFile, chunk) },
    );
  } finally {
    if (dimacsFile !== undefined) closeSync(dimacsFile);
  }
  const millis = Math.round(performance.now() - started);
  console.error(
    `solved in ${seconds(started)}: covered ${result.covered}, total cost ${result.totalCost}, ` +
      `${result.uncoveredTarget.length} targets short`,
  );

  started = performance.now();
  await pipeline(
    Readable.from(resultChunks(instance, result, millis)),
    createWriteStream(values.out),
  );
  console.error(
    `wrote ${result.assignmentUnit.length} assignments to ${values.out} in ${seconds(started)}`,
  );
}
