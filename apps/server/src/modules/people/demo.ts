// People for the demo city (issue 14): in-service cadres of the demo units, and in each demo
// village its Party secretary, poor members (one retired) and poor residents (one unemployed).
// Their ID numbers are valid but plainly fictitious (region 000000); phones 199 0000 xxxx.
import {
  birthYearOfIdNumber,
  idNumberCheckChar,
  type Gender,
  type PersonKind,
  type PersonTag,
} from '@pairing/shared';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { blindIndex, keyringOf, seal } from '../../lib/personal-crypto.ts';
import { sql } from 'drizzle-orm';
import { persons } from './schema.ts';

type DemoOrg = { id: number; provinceCode: string };
type Planned = {
  org: DemoOrg;
  kind: PersonKind;
  gender: Gender;
  tags: PersonTag[];
  note: string;
  userId?: number;
};

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '朱',
  '沈',
];
const given = [
  '建国',
  '秀英',
  '伟',
  '芳',
  '志强',
  '丽华',
  '国庆',
  '桂兰',
  '明',
  '海燕',
  '永康',
  '红梅',
];

/**
 * A valid identity number of region 000000 (none such exists), born in `year`, distinct for
 * every `n` below 336,000 (the serial, then the month and day, carry it).
 */
export function demoIdNumber(year: number, n: number): string {
  const month = String(1 + (Math.floor(n / 1000) % 12)).padStart(2, '0');
  const day = String(1 + (Math.floor(n / 12_000) % 28)).padStart(2, '0');
  const body = `000000${year}${month}${day}${String(n % 1000).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

function plan(
  units: DemoOrg[],
  villages: DemoOrg[],
  memberUserId: number | null,
  withSecretary: ReadonlySet<number>,
): Planned[] {
  const planned: Planned[] = [];
  for (const [i, unit] of units.entries())
    for (let k = 0; k < 3; k += 1)
      planned.push({
        org: unit,
        kind: 'member',
        gender: k === 1 ? 'female' : 'male',
        tags: ['inServiceCadre'],
        note: '',
        // The demo `member` account is the first cadre of the showcase unit (the first one).
        ...(i === 0 && k === 0 && memberUserId !== null ? { userId: memberUserId } : {}),
      });
  for (const village of villages) {
    const at = (kind: PersonKind, gender: Gender, tags: PersonTag[], note = '') =>
      planned.push({ org: village, kind, gender, tags, note });
    // The secretaries' demo has already seated some villages' secretaries.
    if (!withSecretary.has(village.id)) at('member', 'male', ['villageSecretary'], '村党组织书记');
    at('member', 'male', ['poorMember', 'retired'], '因病致困');
    at('member', 'female', ['poorMember']);
    at('resident', 'female', ['poorResident', 'unemployed']);
    at('resident', 'male', ['poorResident'], '独居老人');
  }
  return planned;
}

/** Insert the demo people (the demo seed runs on an empty database only); returns how many. */
export async function seedDemoPeople(
  ctx: AppContext,
  db: Db,
  orgs: { units: DemoOrg[]; villages: DemoOrg[]; memberUserId: number | null },
) {
  const keyring = keyringOf(ctx.config);
  const seated = await db
    .select({ orgId: persons.orgId })
    .from(persons)
    .where(sql`'villageSecretary' = any(${persons.tags})`);
  const withSecretary = new Set(seated.map((row) => row.orgId));
  const rows = plan(orgs.units, orgs.villages, orgs.memberUserId, withSecretary).map((p, n) => {
    const idNumber = demoIdNumber(1950 + (n % 50), n);
    const phone = `1990000${String(n % 10_000).padStart(4, '0')}`;
    return {
      orgId: p.org.id,
      provinceCode: p.org.provinceCode,
      kind: p.kind,
      name: `${surnames[n % surnames.length]}${given[(n * 7) % given.length]}`,
      gender: p.gender,
      birthYear: birthYearOfIdNumber(idNumber),
      idNumberSealed: seal(keyring, idNumber),
      idNumberIndex: blindIndex(keyring, idNumber),
      phoneSealed: seal(keyring, phone),
      keyId: keyring.currentId,
      tags: p.tags,
      note: p.note,
      userId: p.userId ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db.insert(persons).values(rows.slice(i, i + 500));
  return rows.length;
}
