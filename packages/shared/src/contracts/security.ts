import { z } from 'zod';
import { pageQuery, paged } from './page.ts';
import { defineRoute, id, idParams, ok } from './route.ts';

const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(min, `${label}为 ${min}–${max}`)
    .max(max, `${label}为 ${min}–${max}`);

/**
 * The password and lockout policy (三员分立: the security administrator's). The minimum length
 * never falls below the 等保 2.0 floor of 10 that `newPasswordSchema` holds.
 */
export const securityPolicySchema = z.object({
  minPasswordLength: whole('密码最小长度', 10, 64),
  maxFailedAttempts: whole('连续失败次数', 3, 10),
  firstPauseMinutes: whole('首次暂停分钟数', 1, 1440),
  maxPauseHours: whole('最长暂停小时数', 1, 720),
  maxSessions: whole('每人最多会话数', 1, 50),
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

const policyView = securityPolicySchema.extend({ updatedAt: z.string().nullable() });

/** An active session of any account, as the security administrator sees it. */
export const anySessionView = z.object({
  id: z.number(),
  userId: z.number(),
  username: z.string(),
  displayName: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  device: z.string(),
});
export type AnySessionView = z.infer<typeof anySessionView>;

/** The kinds of the security trail besides audit actions: sign-ins, by outcome. */
export const signInKinds = ['sign_in.ok', 'sign_in.failed'] as const;
export type SignInKind = (typeof signInKinds)[number];

/** The most entries one export of the trail holds (the newest); a longer span goes in parts. */
export const trailExportLimit = 10_000;

/** One entry of the security trail: an audit record of the security category, or a sign-in. */
export const trailEntry = z.object({
  /** `audit-<id>` or `sign-in-<id>`: the two sources number apart. */
  key: z.string(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  kind: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  device: z.string().nullable(),
});
export type TrailEntry = z.infer<typeof trailEntry>;

const term = (label: string) => z.string().trim().max(64, `${label}不超过 64 字`).optional();

/** The trail's filters: time range (as the audit page's), user, action kind. */
export const trailQuery = z.object({
  from: z.string().trim().max(40, '日期格式不正确').optional(),
  to: z.string().trim().max(40, '日期格式不正确').optional(),
  actor: term('用户'),
  kind: term('操作类型'),
  ...pageQuery,
});

const security = ['security'];

export const securityApi = {
  policy: defineRoute({
    method: 'GET',
    path: '/security/policy',
    tags: security,
    summary: '密码与登录锁定策略',
    response: { 200: z.object({ policy: policyView }) },
  }),
  setPolicy: defineRoute({
    method: 'PUT',
    path: '/security/policy',
    tags: security,
    summary: '设置密码与登录锁定策略（安全管理员）',
    body: securityPolicySchema,
    response: { 200: z.object({ policy: policyView }) },
  }),
  sessions: defineRoute({
    method: 'GET',
    path: '/security/sessions',
    tags: security,
    summary: '全部业务账号的活动会话（安全管理员）',
    query: z.object({ userId: id.optional(), q: term('搜索词'), ...pageQuery }),
    response: { 200: paged(anySessionView) },
  }),
  endSession: defineRoute({
    method: 'DELETE',
    path: '/security/sessions/:id',
    tags: security,
    summary: '结束任一业务账号的会话（安全管理员）',
    params: idParams,
    response: { 200: ok },
  }),
  trail: defineRoute({
    method: 'GET',
    path: '/security/trail',
    tags: security,
    summary: '安全审计记录（审计管理员）',
    description:
      '登录（成功与失败）、账号与权限变更、策略变更、他人结束的会话、个人信息导出与完整查看；' +
      'from/to 同审计日志；actor 为用户名或编号；kind 为操作代码或 sign_in.ok / sign_in.failed。',
    query: trailQuery,
    response: { 200: paged(trailEntry) },
  }),
  exportTrail: defineRoute({
    method: 'GET',
    path: '/security/trail.xlsx',
    tags: security,
    summary: '导出安全审计记录（审计管理员，个人信息脱敏）',
    query: trailQuery.omit({ page: true, pageSize: true }),
  }),
};
