import { resourceTags } from '@pairing/shared';
import * as n from './names.ts';
import type { seededRandom } from './rng.ts';

type Rng = ReturnType<typeof seededRandom>;
export type DemoUnit = { name: string; unitType: string };

/** Working committees created under the city (S1 §9–10), with what their units look like. */
export const committees: Array<{ name: string; units: () => DemoUnit[]; count: number }> = [
  {
    name: '市级机关工委',
    count: 220,
    units: () => [
      ...n.bureaus.map((b) => ({ name: `上海市${b}`, unitType: '机关' })),
      ...n.bureaus.flatMap((b) =>
        n.bureauSections.map((s) => ({
          name: `上海市${b}${s}`,
          unitType: /党|执法/.test(s) ? '机关' : '事业单位',
        })),
      ),
    ],
  },
  {
    name: '市国资委党委',
    count: 260,
    units: () =>
      n.enterprisePrefixes.flatMap((p) =>
        n.enterpriseSuffixes.map((s) => ({ name: `上海${p}${s}`, unitType: '企业' })),
      ),
  },
  {
    name: '市教卫工作党委',
    count: 240,
    units: () => [
      ...n.universities.flatMap((u) =>
        n.schools.map((s) => ({ name: `${u}${s}`, unitType: '高等院校' })),
      ),
      ...n.institutes.flatMap((i) =>
        n.institutePrefixes.map((p) => ({ name: `${i}${p}`, unitType: '科研院所' })),
      ),
    ],
  },
  {
    name: '市卫生健康工作党委',
    count: 160,
    units: () =>
      n.hospitals.flatMap((h) =>
        ['', ...n.hospitalBranches].map((b) => ({
          name: `上海市${h}${b}`.replace('上海市市', '上海市'),
          unitType: '医疗卫生',
        })),
      ),
  },
  {
    name: '市金融工作党委',
    count: 160,
    units: () =>
      n.banks.flatMap((bank) =>
        [
          '',
          '黄浦支行',
          '徐汇支行',
          '长宁支行',
          '静安支行',
          '普陀支行',
          '虹口支行',
          '杨浦支行',
          '浦东分行营业部',
          '闵行支行',
          '宝山支行',
          '嘉定支行',
          '松江支行',
          '金山支行',
          '青浦支行',
          '奉贤支行',
          '崇明支行',
        ].map((branch) => ({ name: `${bank}${branch}`, unitType: '金融机构' })),
      ),
  },
];

/** Units a central or near-suburban district mobilizes: its streets, bureaus, companies, media. */
export function districtUnits(district: string, streets: string[]): DemoUnit[] {
  return [
    ...streets.map((s) => ({ name: `${s}党工委`, unitType: '社区街道' })),
    ...n.districtBureaus.map((b) => ({ name: `${district}${b.slice(1)}`, unitType: '机关' })),
    ...n.districtEnterprises.flatMap((e) =>
      [
        '有限公司',
        '（集团）有限公司',
        '服务有限公司',
        '管理有限公司',
        '咨询有限公司',
        '实业有限公司',
      ].map((s) => ({ name: `上海市${district}${e}${s}`, unitType: '企业' })),
    ),
    ...n.districtMedia.map((m) => ({ name: `${district}${m.slice(1)}`, unitType: '文化传媒' })),
    ...n.districtInstitutions.map((i) => ({
      name: `${district}${i.slice(1)}`,
      unitType: /医院|保健|疾病/.test(i) ? '医疗卫生' : '事业单位',
    })),
  ];
}

/** Capacity, budget, tags and a contact for one unit. */
export function unitDetails(rng: Rng) {
  const tags = rng.shuffle(resourceTags).slice(0, rng.int(1, 3));
  const phone = `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  return {
    capacity: rng.int(1, 3),
    yearlyBudget: rng.int(20, 500) * 1000,
    resourceTags: resourceTags.filter((t) => tags.includes(t)),
    contactName: `${rng.pick(n.surnames)}${rng.pick(n.givenNames)}`,
    contactPhone: phone,
  };
}
