// `npm run pairing -- audit verify | seal`: check the audit log's hash chain, or seal what is not
// sealed yet (the server seals every minute by itself). Exit 1 when the chain is broken.
import { openConfiguredDb } from '../db/client.ts';
import { sealAudit, verifyAudit } from '../modules/audit/seal.ts';

const usage = '用法: npm run pairing -- audit verify | audit seal';

export async function auditCommand(argv: string[]) {
  const [what] = argv;
  if (what !== 'verify' && what !== 'seal') throw new Error(usage);
  const dbh = await openConfiguredDb();
  try {
    await dbh.migrate();
    if (what === 'seal') {
      let total = 0;
      for (let sealed = -1; sealed !== 0; total += sealed)
        sealed = await sealAudit(dbh.db, new Date());
      console.log(`已封存 ${total} 条审计记录`);
      return;
    }
    const verdict = await verifyAudit(dbh.db);
    if (verdict.ok) {
      console.log(`审计链完整: ${verdict.links} 条已封存，${verdict.unsealed} 条待封存`);
      return;
    }
    console.log(
      `审计链断裂: 第一个断点在第 ${verdict.seq ?? verdict.links + 1} 个链接` +
        `（已核对 ${verdict.links} 个完好链接）: ${verdict.problem}`,
    );
    process.exitCode = 1;
  } finally {
    await dbh.close();
  }
}
