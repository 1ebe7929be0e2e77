// The people registry (issue 14 item 1): Party members and residents attached to an organization.
// Personal numbers travel masked by default (item 6); the registry's routes are added below.
import { z } from 'zod';
import { pageQuery, paged } from './page.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';
import { line, requiredLine } from './text.ts';

/** A Party member (党员) or a resident (群众). */
export const personKinds = ['member', 'resident'] as const;
export type PersonKind = (typeof personKinds)[number];

export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];

/**
 * Status tags (S5 §1, S3 §2(3), §4.1): who is a cadre who pairs (R-ONE-PLUS-TWO), who is in
 * difficulty (R-CARE), who flows out or in (R-MOBILE-EIGHT), who is a village secretary
 * (R-SECRETARY-PAY). A person carries any number of them.
 */
export const personTags = [
  'inServiceCadre',
  'poorMember',
  'poorResident',
  'retired',
  'unemployed',
  'mobileOut',
  'mobileIn',
  'villageSecretary',
] as const;
export type PersonTag = (typeof personTags)[number];

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The check character (ISO 7064 MOD 11-2) of an identity number's first 17 digits. */
export function idNumberCheckChar(body: string): string {
  const sum = idWeights.reduce((acc, weight, i) => acc + weight * Number(body[i]), 0);
  return '10X98765432'[sum % 11]!;
}

/**
 * A resident identity number (GB 11643): 17 digits, then a check character over them (ISO 7064
 * MOD 11-2), with a real birth date at digits 7–14. Lower-case x is read as X.
 */
export function isIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  if (idNumberCheckChar(value) !== value[17]) return false;
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const day = new Date(`${birth}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === birth;
}

/** The birth year written in an identity number. */
export const birthYearOfIdNumber = (idNumber: string) => Number(idNumber.slice(6, 10));

export const idNumber = z
  .string({ error: '请填写身份证号' })
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isIdNumber, '身份证号不正确（应为 18 位，校验位与出生日期须有效）');

/** A mobile number (11 digits from 13…19) or a landline with its area code (0xx-xxxxxxxx). */
export const phoneNumber = z
  .string({ error: '请填写电话' })
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '电话应为 11 位手机号或带区号的固定电话');

/** 110101********1234: the region and the last four stay, the birth date does not. */
export const maskIdNumber = (value: string) =>
  `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;

/** 138****5678; a landline keeps its area code and last four digits. */
export const maskPhone = (value: string) =>
  value.length <= 7
    ? '*'.repeat(value.length)
    : `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;

/**
 * A person as every other module shows one: the numbers masked. Showing a number in full is the
 * registry's own audited route.
 */
export const personSummary = z.object({
  id: z.number(),
  kind: z.enum(personKinds),
  name: z.string(),
  gender: z.enum(genders),
  birthYear: z.number().int(),
  tags: z.array(z.enum(personTags)),
  /** The home organization (组织关系所在). */
  orgId: z.number(),
  orgName: z.string(),
  /** Where the member lives or works and also reports (S3: 关系在企业, 活动在社区); null if none. */
  secondOrgId: z.number().nullable(),
  secondOrgName: z.string().nullable(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof personSummary>;

/** What a person is registered with; the home organization comes from the route or the form. */
export const personInput = z.object({
  kind: z.enum(personKinds, { message: '请选择党员或群众' }),
  name: requiredLine('姓名', 50),
  gender: z.enum(genders, { message: '请选择性别' }),
  idNumber,
  phone: phoneNumber.nullable().default(null),
  tags: z
    .array(z.enum(personTags, { message: '身份标签不正确' }))
    .max(personTags.length)
    .default([]),
  secondOrgId: z.number().int().positive().nullable().default(null),
  note: line('备注', 500).default(''),
});
export type PersonInput = z.infer<typeof personInput>;

/**
 * A change of a person: as `personInput`, but an ID number or phone left out stays as stored, so
 * that editing a name does not need the full numbers the page never holds.
 */
export const personUpdate = personInput.extend({
  idNumber: idNumber.optional(),
  phone: phoneNumber.nullable().optional(),
});
export type PersonUpdate = z.infer<typeof personUpdate>;

/** Why a number is shown in full, or personal data exported (item 6): kept in the audit log. */
export const revealReason = requiredLine('查看或导出的理由', 200).refine(
  (s) => s.length >= 4,
  '请写明理由（至少 4 个字）',
);

/** What the caller may do with a person in the registry (list and detail). */
export const personActions = ['update', 'reveal', 'linkAccount'] as const;
export type PersonAction = (typeof personActions)[number];

/**
 * A person as the registry's own pages show him: the summary (numbers masked), the note, the
 * linked account and the caller's abilities on him.
 */
export const personView = personSummary.extend({
  note: z.string(),
  userId: z.number().nullable(),
  userName: z.string().nullable(),
  abilities: abilities(personActions),
});
export type PersonView = z.infer<typeof personView>;

/** The registry's list filters; the export takes the same ones. */
export const peopleFilter = z.object({
  /** Part of the name, or a whole ID number (found through its blind index, never stored). */
  q: z.string().trim().max(50, '搜索词不超过 50 字').optional(),
  /** People registered (home or second organization) in that organization's subtree. */
  orgId: id.optional(),
  kind: z.enum(personKinds, { message: '类别不正确' }).optional(),
  tag: z.enum(personTags, { message: '身份标签不正确' }).optional(),
});
export type PeopleFilter = z.infer<typeof peopleFilter>;

const peopleTags = ['people'];
const person = z.object({ person: personView });

/** The registry's core routes (issue 14 item 1); imports and exports sit beside them. */
export const peopleApi = {
  list: defineRoute({
    method: 'GET',
    path: '/people',
    tags: peopleTags,
    summary: '人员名册（本辖区，证件号与电话脱敏）',
    query: peopleFilter.extend(pageQuery),
    response: { 200: paged(personView) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/people/:id',
    tags: peopleTags,
    summary: '人员详情（脱敏）',
    params: idParams,
    response: { 200: person },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/orgs/:id/people',
    tags: peopleTags,
    summary: '登记人员（组织关系在该组织）',
    params: idParams,
    body: personInput,
    idempotent: true,
    response: { 201: person },
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/people/:id',
    tags: peopleTags,
    summary: '修改人员信息（未提交的身份证号、电话保持不变）',
    params: idParams,
    body: personUpdate,
    response: { 200: person },
  }),
  reveal: defineRoute({
    method: 'POST',
    path: '/people/:id/reveal',
    tags: peopleTags,
    summary: '查看完整证件号与电话（须写明理由，记入审计）',
    params: idParams,
    body: z.object({ reason: revealReason }),
    response: { 200: z.object({ idNumber: z.string(), phone: z.string().nullable() }) },
  }),
  linkAccount: defineRoute({
    method: 'PUT',
    path: '/people/:id/account',
    tags: peopleTags,
    summary: '关联本人账号（党员角色，用于本人记录帮扶）',
    params: idParams,
    body: z.object({ userId: id.nullable() }),
    response: { 200: person },
  }),
};
