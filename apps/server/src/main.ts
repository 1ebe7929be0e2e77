import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { describeConfiguredDb, openConfiguredDb } from './db/client.ts';
import { systemClock } from './lib/clock.ts';
import { keyringFromEnv } from './lib/personal-crypto.ts';
import { seedDemoIfEmpty } from './modules/demo/seed.ts';
import { verifyPersonalKeys } from './modules/people/keys.ts';
import { evidenceConfigFromEnv } from './modules/ledger/evidence/settings.ts';
import { metricsAccessFromEnv } from './lib/metrics.ts';
import { sendersFromConfig } from './modules/reminders/sender.ts';
import { dailyComplianceJob } from './modules/ledger/compliance/daily.ts';
import { remindersJob } from './modules/reminders/service.ts';
import { startSchedules } from './modules/jobs/schedules.ts';
import { waitingAndRunning } from './modules/jobs/queue.ts';
import { startAuditSealer } from './modules/audit/seal.ts';
import { startAuthHousekeeping } from './modules/auth/service.ts';
import {
  nameWorkerInAnswers,
  processRole,
  runsPeriodicTasks,
  superviseWorkers,
} from './cluster.ts';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

const role = (() => {
  try {
    return processRole();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
})();
const personalData = (() => {
  try {
    return keyringFromEnv(process.env, (line) => console.log(line));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
})();
const dbh = await openConfiguredDb().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
// With several processes the primary prepares the database once, before any worker starts.
if (role.kind !== 'worker') await dbh.migrate();
// A missing or wrong personal-data key stops the start here, with a clear message.
await verifyPersonalKeys(dbh.db, personalData).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
const ctx = {
  dbh,
  clock: systemClock,
  config: {
    secureCookies: process.env.SECURE_COOKIES === 'true',
    trustedProxies: (process.env.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    webDist: fileURLToPath(new URL('../../web/dist', import.meta.url)),
    evidence: evidenceConfigFromEnv(process.env),
    personalData,
    metrics: metricsAccessFromEnv(process.env),
  },
};
const demo =
  role.kind === 'worker'
    ? { accounts: [] }
    : await seedDemoIfEmpty(ctx, (line) => console.log(line));
const announce = () => {
  console.log(
    `\n城乡结对帮扶平台 已启动: http://localhost:${port}/  (数据库: ${describeConfiguredDb()})`,
  );
  console.log(`API 文档: http://localhost:${port}/api/docs`);
  if (demo.accounts.length) {
    console.log('\n演示账号 (demo accounts):');
    for (const a of demo.accounts)
      console.log(
        `  ${a.role.padEnd(15)} ${a.username.padEnd(18)} 密码 ${a.password}   ${a.orgName}`,
      );
  }
};
// The primary serves nothing: it stays here, keeping its workers alive, until they have drained.
if (role.kind === 'primary') {
  await dbh.close();
  await superviseWorkers(role.workers, announce, (line) => console.log(line));
}
const app = await buildApp(ctx);
nameWorkerInAnswers(app);
await app.listen({ port, host });
// Reminders each minute; every pairing's compliance once a China-time day (issue 12 item 7). The
// queue runs each tick once across all processes.
const schedules = [
  remindersJob(sendersFromConfig(process.env.REMINDER_SENDERS)),
  dailyComplianceJob(
    (err) => app.log.error(err),
    (line) => app.log.info(line),
  ),
];
for (const { name } of schedules) app.metrics.registerQueue(name, waitingAndRunning(dbh, name));
const stopSchedules = await startSchedules(ctx, schedules);
// The other periodic tasks run in one process only.
const periodic = runsPeriodicTasks(role);
const noTask = async () => {};

// Ended sessions and stale sign-in counts go hourly.
const stopHousekeeping = !periodic
  ? noTask
  : startAuthHousekeeping(dbh.db, systemClock, 3_600_000, (err) => app.log.error(err));
// The audit log's new records join its hash chain once a minute (issue 16 item 11).
const stopSealer = !periodic
  ? noTask
  : startAuditSealer(
      dbh.db,
      () => new Date(),
      60_000,
      (err) => app.log.error(err),
    );

if (role.kind === 'single') announce();

let closing: Promise<void> | undefined;
// A worker hears a signal twice when the terminal sends it to the group and the primary passes it on.
const shutdown = () => (closing ??= close());
const close = async () => {
  await stopSchedules();
  await stopSealer();
  stopHousekeeping();
  await app.close();
  await dbh.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
