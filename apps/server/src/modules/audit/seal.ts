import { createHash, getHashes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';

// The audit log's hash chain (issue 16 item 11). Records are sealed after they commit, in id
// order, by one sealer at a time (an advisory lock), so writes never wait on one another for the
// chain. A record that commits after a later one was sealed is sealed in the next run; the chain's
// order is the seal order. `verifyAudit` recomputes every link.

/** SM3 where the runtime's OpenSSL offers it, else SHA-256; a link names its algorithm. */
export const chainAlgorithm = getHashes().includes('sm3') ? 'sm3' : 'sha256';

/**
 * What a link covers: every column of the record, the time as microseconds since the epoch (not
 * text, which follows the session's time zone) and the JSON as PostgreSQL normalizes it.
 */
const content = sql`json_build_array(a.id, (extract(epoch from a.at) * 1000000)::bigint,
  a.actor_id, a.actor_name, a.action, a.entity, a.entity_id, a.scope_path, a.before, a.after,
  a.ip, a.batch_id)::text`;

const genesis = '0'.repeat(64);

/** `algorithm:hex` of the previous link's hash and this record's content. */
export function linkHash(previous: string, recordContent: string, algorithm = chainAlgorithm) {
  const digest = createHash(algorithm).update(`${previous}\n${recordContent}`).digest('hex');
  return `${algorithm}:${digest}`;
}

const algorithmOf = (hash: string) => hash.split(':')[0] ?? chainAlgorithm;

/**
 * Seal the records not sealed yet, oldest first, up to `limit`; answers how many. Records newer
 * than `settleMs` wait: their transaction may still be writing beside them.
 */
export async function sealAudit(db: Db, now: Date, { limit = 5_000, settleMs = 5_000 } = {}) {
  return db.transaction(async (tx) => {
    const [locked] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(hashtext('audit_seal')) as locked`,
    );
    if (!locked?.locked) return 0;
    const [last] = await queryRows<{ seq: number; hash: string }>(
      tx,
      sql`select seq::int, hash from audit_seals order by seq desc limit 1`,
    );
    const rows = await queryRows<{ id: string; content: string }>(
      tx,
      sql`select a.id::text as id, ${content} as content from audit_log a
        where not exists (select 1 from audit_seals s where s.audit_id = a.id)
          and a.at < ${new Date(now.getTime() - settleMs).toISOString()}::timestamptz
        order by a.id limit ${limit}`,
    );
    let previous = last?.hash ?? genesis;
    let seq = last?.seq ?? 0;
    const links = rows.map((row) => {
      previous = linkHash(previous, row.content);
      seq += 1;
      return { seq, auditId: row.id, hash: previous };
    });
    for (let i = 0; i < links.length; i += 1_000) {
      const part = links.slice(i, i + 1_000);
      await tx.execute(
        sql`insert into audit_seals (seq, audit_id, hash) values ${sql.join(
          part.map((l) => sql`(${l.seq}, ${l.auditId}, ${l.hash})`),
          sql`, `,
        )}`,
      );
    }
    return links.length;
  });
}

export type AuditVerdict =
  | { ok: true; links: number; unsealed: number }
  | { ok: false; links: number; seq: number | null; auditId: number | null; problem: string };

/**
 * Walk the chain from its start. The first broken link is reported: a record changed since it was
 * sealed, a sealed record gone, a link gone, or a record older than the last link that was never
 * sealed (put in afterwards). Records newer than the last link are only counted as unsealed.
 */
export async function verifyAudit(db: Db, batch = 5_000): Promise<AuditVerdict> {
  let previous = genesis;
  let expectedSeq = 1;
  let lastAuditAt: string | null = null;
  for (;;) {
    const links = await queryRows<{
      seq: number;
      auditId: string;
      hash: string;
      content: string | null;
      at: string | null;
    }>(
      db,
      sql`select s.seq::int, s.audit_id::text as "auditId", s.hash,
          case when a.id is not null then ${content} end as content,
          a.at::text as at
        from audit_seals s left join audit_log a on a.id = s.audit_id
        where s.seq >= ${expectedSeq} order by s.seq limit ${batch}`,
    );
    for (const link of links) {
      const auditId = Number(link.auditId);
      if (link.seq !== expectedSeq) {
        return broken(
          expectedSeq - 1,
          expectedSeq,
          null,
          `第 ${expectedSeq} 个链接缺失（封存记录被删除）`,
        );
      }
      if (link.content === null) {
        return broken(expectedSeq - 1, link.seq, auditId, `审计记录 #${auditId} 已被删除`);
      }
      if (linkHash(previous, link.content, algorithmOf(link.hash)) !== link.hash) {
        return broken(expectedSeq - 1, link.seq, auditId, `审计记录 #${auditId} 在封存后被改动`);
      }
      previous = link.hash;
      lastAuditAt = link.at;
      expectedSeq += 1;
    }
    if (links.length < batch) break;
  }
  const links = expectedSeq - 1;
  const [unsealed] = await queryRows<{ older: number; newer: number; first: string | null }>(
    db,
    sql`select count(*) filter (where ${olderThanLast(lastAuditAt)})::int as older,
        count(*) filter (where not ${olderThanLast(lastAuditAt)})::int as newer,
        min(a.id) filter (where ${olderThanLast(lastAuditAt)})::text as first
      from audit_log a where not exists (select 1 from audit_seals s where s.audit_id = a.id)`,
  );
  if (unsealed && unsealed.older > 0) {
    const auditId = Number(unsealed.first);
    return broken(
      links,
      null,
      auditId,
      `审计记录 #${auditId} 早于最后一次封存却未封存（事后插入）`,
    );
  }
  return { ok: true, links, unsealed: unsealed?.newer ?? 0 };
}

// A record that commits late is sealed in the next run, up to a minute after records written
// after it; only one older than the last sealed record by more than that was put in afterwards.
const olderThanLast = (lastAt: string | null) =>
  lastAt === null ? sql`false` : sql`a.at < ${lastAt}::timestamptz - interval '10 minutes'`;

function broken(
  links: number,
  seq: number | null,
  auditId: number | null,
  problem: string,
): AuditVerdict {
  return { ok: false, links, seq, auditId, problem };
}

/** Seal every `intervalMs` in the server process; answers a function that stops it. */
export function startAuditSealer(
  db: Db,
  now: () => Date,
  intervalMs: number,
  onError: (err: unknown) => void,
) {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    running ??= sealAudit(db, now())
      .catch(onError)
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
