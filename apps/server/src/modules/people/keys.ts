// Key rotation and the start-up key check (issue 14 item 6). A deployment rotates by putting the
// new key first in PERSONAL_DATA_KEYS (the old ones after it, so old values still open),
// restarting, running `people:rotate-keys`, then removing the old keys.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  blindIndex,
  open,
  PersonalKeyError,
  seal,
  type Keyring,
} from '../../lib/personal-crypto.ts';
import { queryRows } from '../../lib/rows.ts';

export type RotationProgress = { done: number; total: number };

type SealedRow = { id: number; idNumberSealed: string; phoneSealed: string | null };

/** How many people each key seals (what a rotation has left: those not under the current key). */
export async function sealedByKey(db: Db): Promise<Map<string, number>> {
  const rows = await queryRows<{ keyId: string; n: number }>(
    db,
    sql`select key_id as "keyId", count(*)::int as n from persons group by key_id order by key_id`,
  );
  return new Map(rows.map((r) => [r.keyId, r.n]));
}

/**
 * Re-seal every person not under the keyring's current key, `batchSize` at a time, each batch
 * one transaction (its rows locked), recomputing the blind index. Resumable: what a stopped run
 * committed stays done, and a run only looks at what is left.
 */
export async function rotateKeys(
  db: Db,
  keyring: Keyring,
  options: { batchSize?: number; onProgress?: (p: RotationProgress) => void } = {},
): Promise<RotationProgress> {
  const batchSize = options.batchSize ?? 500;
  const current = keyring.currentId;
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from persons where key_id <> ${current}`,
  );
  let done = 0;
  for (;;) {
    const moved = await db.transaction(async (tx) => {
      const rows = await queryRows<SealedRow>(
        tx,
        sql`select id::int, id_number_sealed as "idNumberSealed", phone_sealed as "phoneSealed"
          from persons where key_id <> ${current} order by id limit ${batchSize} for update`,
      );
      if (!rows.length) return 0;
      const values = rows.map((r) => {
        const idNumber = open(keyring, r.idNumberSealed);
        const phone = r.phoneSealed === null ? null : seal(keyring, open(keyring, r.phoneSealed));
        return sql`(${r.id}::bigint, ${seal(keyring, idNumber)}, ${blindIndex(keyring, idNumber)},
          ${phone}::text)`;
      });
      await tx.execute(sql`update persons p set id_number_sealed = v.sealed,
          id_number_index = v.index, phone_sealed = v.phone, key_id = ${current},
          updated_at = now()
        from (values ${sql.join(values, sql`, `)}) as v(id, sealed, index, phone)
        where p.id = v.id`);
      return rows.length;
    });
    if (!moved) break;
    done += moved;
    options.onProgress?.({ done, total: Math.max(total, done) });
  }
  return { done, total: Math.max(total, done) };
}

/**
 * Open one sealed value per key the table uses: a key missing from the keyring or different
 * from the one that sealed (a mistyped configuration) stops the server before it answers with
 * errors, or seals new values under a key nobody keeps.
 */
export async function verifyPersonalKeys(db: Db, keyring: Keyring) {
  const samples = await queryRows<{ keyId: string; sealed: string }>(
    db,
    sql`select distinct on (key_id) key_id as "keyId", id_number_sealed as sealed
      from persons order by key_id, id`,
  );
  for (const { keyId, sealed } of samples) {
    try {
      open(keyring, sealed);
    } catch (err) {
      if (!(err instanceof PersonalKeyError)) throw err;
      throw new Error(
        `个人信息密钥校验失败（密钥 ${keyId}）：${err.message}。服务未启动，请检查 PERSONAL_DATA_KEYS`,
      );
    }
  }
}
