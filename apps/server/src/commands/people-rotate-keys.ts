// `npm run pairing -- people:rotate-keys [--batch-size N]`: re-seal every person's ID number and
// phone under the first key of PERSONAL_DATA_KEYS (issue 14 item 6). Resumable: run it again
// after a stop and it continues with what is left.
import { parseArgs } from 'node:util';
import { openConfiguredDb } from '../db/client.ts';
import { keyringFromEnv } from '../lib/personal-crypto.ts';
import { rotateKeys, sealedByKey, verifyPersonalKeys } from '../modules/people/keys.ts';

const usage = '用法: npm run pairing -- people:rotate-keys [--batch-size <10–5000>]';

export async function peopleRotateKeysCommand(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { 'batch-size': { type: 'string' } } }));
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${usage}`);
  }
  const batchSize = Number(values['batch-size'] ?? 500);
  if (!Number.isInteger(batchSize) || batchSize < 10 || batchSize > 5000)
    throw new Error(`--batch-size 须为 10 到 5000 的整数\n${usage}`);
  const keyring = keyringFromEnv(process.env, (line) => console.warn(line));
  const dbh = await openConfiguredDb();
  try {
    await dbh.migrate();
    // Every key that sealed something must still be configured, or its rows cannot be re-sealed.
    await verifyPersonalKeys(dbh.db, keyring);
    const before = await sealedByKey(dbh.db);
    console.log(
      `当前密钥 ${keyring.currentId}；各密钥加密的人数: ${[...before].map(([k, n]) => `${k} ${n}`).join('，') || '无'}`,
    );
    let lastTenth = -1;
    const result = await rotateKeys(dbh.db, keyring, {
      batchSize,
      onProgress: ({ done, total }) => {
        const tenth = Math.floor((done / total) * 10);
        if (tenth !== lastTenth) console.log(`重新加密 ${tenth * 10}% (${done}/${total})`);
        lastTenth = tenth;
      },
    });
    console.log(
      `完成: 重新加密 ${result.done} 人，全部人员的证件号与电话均以密钥 ${keyring.currentId} 加密；可从 PERSONAL_DATA_KEYS 中移除其他密钥`,
    );
  } finally {
    await dbh.close();
  }
}
