// The unit's leadership roster for each demo pairing (S1 §10): its principal leader, team members,
// the leader in charge (分管领导) and staff, with a few changes mid-term kept with their dates.
import type { RosterRole } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { pairingProfiles, pairingRoster } from '../ledger/schema.ts';
import { insertInChunks, insertRows } from './bulk.ts';
import { addDays, chinaTime, daysBetween, minDay } from './days.ts';
import type { seededRandom } from './rng.ts';
import { personName } from './term-agreement.ts';
import type { DemoPairing } from './term-signing.ts';
import { departmentOf, postsOf } from './term-texts.ts';

type Rng = ReturnType<typeof seededRandom>;

export type RosterPerson = {
  id: number;
  role: RosterRole;
  name: string;
  post: string;
  from: string;
  to: string | null;
};

type Planned = Omit<RosterPerson, 'id'>;

/** A successor takes over from `person` on a day between half a year in and a month ago. */
function change(rng: Rng, person: Planned, termStart: string, today: string): Planned[] {
  const first = addDays(termStart, 180);
  const last = minDay(addDays(today, -30), addDays(person.from, 900));
  if (daysBetween(first, last) < 0) return [person];
  const on = addDays(first, rng.int(0, daysBetween(first, last)));
  return [
    { ...person, to: addDays(on, -1) },
    { ...person, name: personName(rng), from: on, to: null },
  ];
}

export function plannedRoster(rng: Rng, pairing: DemoPairing, today: string): Planned[] {
  const posts = postsOf(pairing.unit.unitType);
  const from = pairing.termStart;
  const entry = (role: RosterRole, post: string): Planned => ({
    role,
    name: personName(rng),
    post,
    from,
    to: null,
  });
  const principal = entry('principal', posts.principal);
  const lead = entry('lead', posts.lead);
  const roll = rng.next();
  return [
    ...(roll < 0.12 ? change(rng, principal, from, today) : [principal]),
    ...posts.team.slice(0, rng.int(2, posts.team.length)).map((post) => entry('team', post)),
    ...(roll > 0.92 ? change(rng, lead, from, today) : [lead]),
    ...posts.member.slice(0, rng.int(1, 2)).map((post) => entry('member', post)),
  ];
}

/** Rosters and responsible departments of every pairing; answers each pairing's roster with ids. */
export async function seedRosters(db: Db, rng: Rng, pairings: DemoPairing[], today: string) {
  const planned = pairings.map((p) => plannedRoster(rng, p, today));
  const ids = await insertInChunks(
    db,
    pairingRoster,
    pairings.flatMap((p, i) =>
      planned[i].map((person) => ({
        pairingId: p.id,
        name: person.name,
        post: person.post,
        role: person.role,
        fromDate: person.from,
        toDate: person.to,
        createdBy: p.urbanUser,
        createdAt: chinaTime(person.from, 10),
      })),
    ),
  );
  await insertRows(
    db,
    pairingProfiles,
    pairings.map((p) => ({
      pairingId: p.id,
      responsibleDepartment: departmentOf(p.unit.unitType),
      updatedAt: chinaTime(p.termStart, 10),
    })),
  );
  let next = 0;
  return planned.map((people) => people.map((person) => ({ ...person, id: ids[next++] })));
}
