// Can a sign-in's answer time tell which account names exist (issue 16 item 6)? Signs in, in
// turn, with an unknown name, a known name, a disabled account and a paused one, each with a wrong
// password and each from a source of its own (so the throttle never pauses the measured tries),
// on the real app and the embedded database. Prints each kind's median and the largest ratio
// between two medians; the answers themselves must be the same for all four.
import { performance } from 'node:perf_hooks';
import { buildApp } from '../apps/server/src/app.ts';
import { openDb } from '../apps/server/src/db/client.ts';
import { systemClock } from '../apps/server/src/lib/clock.ts';
import { clientHeader } from '../apps/server/src/lib/cross-site.ts';
import { users } from '../apps/server/src/modules/auth/schema.ts';
import { hashPassword } from '../apps/server/src/modules/auth/password.ts';
import { authSettings } from '../apps/server/src/modules/auth/settings.ts';
import { loadDivisions } from '../apps/server/src/modules/orgs/divisions-source.ts';
import { importDivisions } from '../apps/server/src/modules/orgs/import-divisions.ts';

const rounds = Number(process.env.LOGIN_TIMING_ROUNDS ?? 60);
const dbh = await openDb({});
await dbh.migrate();
await importDivisions(dbh.db, loadDivisions('31'));
const [{ id: orgId }] = (
  await dbh.query<{ id: number }>(`select id from orgs where kind = 'city' limit 1`)
).rows;
const passwordHash = await hashPassword('Harbour-Lantern-42');
await dbh.db.insert(users).values([
  { username: 'known', displayName: 'known', passwordHash, orgId, role: 'inspector' },
  { username: 'paused', displayName: 'paused', passwordHash, orgId, role: 'inspector' },
  {
    username: 'disabled',
    displayName: 'disabled',
    passwordHash,
    orgId,
    role: 'inspector',
    disabled: true,
  },
]);
const app = await buildApp({ dbh, clock: systemClock, config: { secureCookies: false } });

let source = 0;
const nextSource = () => {
  source += 1;
  return `10.${(source >> 16) & 255}.${(source >> 8) & 255}.${source & 255}`;
};
const signIn = (username: string, remoteAddress: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { [clientHeader]: 'bench' },
    payload: { username, password: 'Wrong-Password-17' },
  });

// The paused account is paused from one source, which then tries again; the other kinds try
// from new sources.
const pausedSource = nextSource();
for (let i = 0; i < authSettings.maxFailedAttempts; i += 1) await signIn('paused', pausedSource);

const kinds = {
  unknown: () => signIn(`nobody-${source}`, nextSource()),
  known: () => signIn('known', nextSource()),
  disabled: () => signIn('disabled', nextSource()),
  paused: () => signIn('paused', pausedSource),
  unknownPaused: () => signIn('nobody-paused', pausedSource),
};
type Kind = keyof typeof kinds;
for (let i = 0; i < authSettings.maxFailedAttempts; i += 1) await kinds.unknownPaused();

const times: Record<Kind, number[]> = {
  unknown: [],
  known: [],
  disabled: [],
  paused: [],
  unknownPaused: [],
};
const answers = new Map<Kind, Set<string>>();
for (let round = 0; round < rounds; round += 1) {
  for (const kind of Object.keys(kinds) as Kind[]) {
    const start = performance.now();
    const res = await kinds[kind]();
    times[kind].push(performance.now() - start);
    const code = (res.json() as { error?: { code?: string } }).error?.code;
    answers.set(kind, (answers.get(kind) ?? new Set()).add(`${res.statusCode} ${code}`));
  }
}
await app.close();
await dbh.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medians = Object.fromEntries(
  (Object.keys(times) as Kind[]).map((kind) => [kind, median(times[kind])]),
) as Record<Kind, number>;
const answersOf = (kind: Kind) => [...answers.get(kind)!].sort().join(', ');
for (const kind of Object.keys(times) as Kind[]) {
  console.log(
    `${kind.padEnd(14)} median ${medians[kind].toFixed(1)} ms  answers ${answersOf(kind)}`,
  );
}
const unpaused = [medians.unknown, medians.known, medians.disabled];
const ratio = Math.max(...unpaused) / Math.min(...unpaused);
const pausedRatio =
  Math.max(medians.paused, medians.unknownPaused) / Math.min(medians.paused, medians.unknownPaused);
const sameAnswer =
  answersOf('unknown') === answersOf('known') &&
  answersOf('known') === answersOf('disabled') &&
  answersOf('paused') === answersOf('unknownPaused');
console.log(
  `RESULT unknown_ms=${medians.unknown.toFixed(1)} known_ms=${medians.known.toFixed(1)} disabled_ms=${medians.disabled.toFixed(1)} paused_ms=${medians.paused.toFixed(1)} unknown_paused_ms=${medians.unknownPaused.toFixed(1)} ratio=${ratio.toFixed(2)} paused_ratio=${pausedRatio.toFixed(2)} same_answer=${sameAnswer}`,
);
