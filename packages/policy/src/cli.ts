// `npm run pairing -- compliance --ledger FILE --at YYYY-MM-DD [--out FILE]`: evaluates one
// ledger file and writes its status as JSON (to stdout without --out).
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluate } from './evaluate.ts';
import { parseLedger } from './validate.ts';

const USAGE = '用法 (usage): compliance --ledger ledger.json --at YYYY-MM-DD [--out status.json]';

export async function complianceCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ledger: { type: 'string' },
      at: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  if (values.ledger === undefined || values.at === undefined) throw new Error(USAGE);

  const text = await readFile(values.ledger, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(
      `台账文件不是有效的 JSON (ledger file is not valid JSON): ${values.ledger}: ${(err as Error).message}`,
    );
  }
  const status = evaluate(parseLedger(json), values.at);
  const output = `${JSON.stringify(status, null, 2)}\n`;
  if (values.out === undefined) process.stdout.write(output);
  else await writeFile(values.out, output);
}
