// The demo's rounds in force (issue 12): the city's round since mid-2024 (sh-2010), a district's
// "1+2" round of its organs with its villages (town-2010: Party lessons, quarterly reports), and
// an earlier round whose term ends three weeks from today, so some duties are always due soon.
import type { PackId } from '@pairing/policy';
import { demoDistrictPairs } from '../orgs/district-classes.ts';
import { addDays } from './days.ts';
import type { seededRandom } from './rng.ts';
import { assignUnits, type DemoUnit, type DemoVillage, type PlannedPair } from './term-pairs.ts';

type Rng = ReturnType<typeof seededRandom>;

export type TermRoundSpec = {
  name: string;
  /** 12-digit code of the org running the round. */
  orgCode: string;
  packId: PackId;
  periodStart: string;
  intentionDeadline: string;
  /** The agreements' term starts on it (agreements' createDraftAgreement). */
  signingDeadline: string;
  termEnd: string;
  /** Villages of these districts (6-digit codes) take part. */
  districts: string[];
  plan: (villages: DemoVillage[], units: DemoUnit[], rng: Rng) => PlannedPair[];
};

export const cityTermRoundName = '上海市城乡党组织结对帮扶（2024—2027）';

const minhang = '310112';
const baoshan = '310113';
const yangpu = '310110';
const outerSuburbs = ['310116', '310118', '310120', '310151'];

/** The central districts that help a suburban one (12-digit codes, the 对口帮扶 table). */
const helpersOf = (district: string) =>
  demoDistrictPairs.filter(([, rural]) => `${rural}000000` === district).map(([u]) => `${u}000000`);

/** Every weak village of the outer suburbs and 140 others; units of the city or the helping district. */
function planCityRound(showcase: { unitId: number; villageId: number } | null) {
  return (villages: DemoVillage[], units: DemoUnit[], rng: Rng) => {
    const others = rng.shuffle(villages.filter((v) => !v.weak)).slice(0, 140);
    const chosen = villages.filter((v) => v.weak || others.includes(v));
    const cityUnits = units.filter((u) => u.districtCode === null);
    const loads = new Map<number, number>();
    const fixed = showcase && chosen.find((v) => v.id === showcase.villageId);
    const fixedUnit = showcase && units.find((u) => u.id === showcase.unitId);
    const first: PlannedPair[] = fixed && fixedUnit ? [{ unit: fixedUnit, village: fixed }] : [];
    if (fixedUnit) loads.set(fixedUnit.id, 1);
    return [
      ...first,
      ...assignUnits(
        chosen.filter((v) => v !== fixed),
        (v) => {
          const helpers = helpersOf(v.districtCode);
          const district = units.filter((u) => u.districtCode && helpers.includes(u.districtCode));
          return district.length && rng.next() < 0.4 ? district : cityUnits;
        },
        rng,
        loads,
      ),
    ];
  };
}

/** Organs of the district itself pair with 36 of its villages ("1+2": one or two each). */
function planDistrictRound(district: string, count: number) {
  return (villages: DemoVillage[], units: DemoUnit[], rng: Rng) => {
    const own = units.filter((u) => u.districtCode === `${district}000000`);
    const chosen = rng.shuffle(villages).slice(0, count);
    return assignUnits(chosen, () => own, rng);
  };
}

/** Villages of `district` helped by the units of `helper`, the two paired districts. */
function planPairedDistricts(helper: string, count: number) {
  return (villages: DemoVillage[], units: DemoUnit[], rng: Rng) => {
    const helping = units.filter((u) => u.districtCode === `${helper}000000`);
    const weakFirst = [...villages.filter((v) => v.weak), ...rng.shuffle(villages)];
    const chosen = [...new Set(weakFirst)].slice(0, count);
    return assignUnits(chosen, () => helping, rng);
  };
}

/** The same calendar day `years` earlier. */
const yearsBefore = (day: string, years: number) =>
  `${Number(day.slice(0, 4)) - years}${day.slice(4)}`.replace('-02-29', '-02-28');

export function termRoundSpecs(
  today: string,
  showcase: { unitId: number; villageId: number } | null,
): TermRoundSpec[] {
  const ending = addDays(today, 20);
  const endingStart = yearsBefore(ending, 3);
  return [
    {
      name: cityTermRoundName,
      orgCode: '310100000000',
      packId: 'sh-2010',
      periodStart: '2024-03-01',
      intentionDeadline: '2024-04-30',
      signingDeadline: '2024-06-30',
      termEnd: '2027-06-30',
      districts: outerSuburbs,
      plan: planCityRound(showcase),
    },
    {
      name: '闵行区机关党组织与村“1+2”结对共建（2024—2027）',
      orgCode: `${minhang}000000`,
      packId: 'town-2010',
      periodStart: '2024-03-01',
      intentionDeadline: '2024-04-30',
      signingDeadline: '2024-06-30',
      termEnd: '2027-06-30',
      districts: [minhang],
      plan: planDistrictRound(minhang, 36),
    },
    {
      name: `杨浦区与宝山区结对帮扶（${endingStart.slice(0, 4)}—${ending.slice(0, 4)}）`,
      orgCode: '310100000000',
      packId: 'sh-2010',
      periodStart: addDays(endingStart, -90),
      intentionDeadline: addDays(endingStart, -45),
      signingDeadline: endingStart,
      termEnd: ending,
      districts: [baoshan],
      plan: planPairedDistricts(yangpu, 14),
    },
  ];
}
