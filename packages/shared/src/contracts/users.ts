import { z } from 'zod';
import { globalAbilities } from '../permissions.ts';
import { roles } from '../roles.ts';
import { pageQuery, paged } from './page.ts';
import { abilities, defineRoute, idParams, ok } from './route.ts';
import { requiredLine } from './text.ts';

/**
 * The signed-in user (`GET /api/auth/me`, login): `abilities` answers each `module.action` for
 * the user's role, `assignableRoles` the roles the user may give a new account.
 */
export const me = z.object({
  userId: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  orgId: z.number(),
  orgName: z.string(),
  path: z.string(),
  mustChangePassword: z.boolean(),
  abilities: abilities(globalAbilities),
  assignableRoles: z.array(z.enum(roles)),
});
export type Me = z.infer<typeof me>;

/** An account as admins see it; the phone is masked. Times are ISO strings. */
const userRecord = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  orgId: z.number(),
  orgName: z.string(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
/** A user as audit records keep it: the view without the reader's abilities. */
export type UserRecord = z.infer<typeof userRecord>;

/** What the caller may do to a listed user; `update` covers editing and disabling. */
export const userActions = ['update', 'resetPassword', 'assignRole'] as const;

export const userView = userRecord.extend({ abilities: abilities(userActions) });
export type UserView = z.infer<typeof userView>;

/** One audit record (DESIGN.md "Data safety"). */
export const auditRecord = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  /** The bulk action this record is an item of (null for a record of its own). */
  batchId: z.number().nullable(),
  /** How many records are items of this one (a publish: its intentions). */
  items: z.number(),
});
export type AuditRecord = z.infer<typeof auditRecord>;

const passwordClasses = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

/**
 * At least 10 characters of at least three classes (lower case, upper case, digits, symbols;
 * 等保 2.0); the UI shows the same rule. The server also refuses common passwords.
 */
export const newPasswordSchema = z
  .string()
  .min(10, '密码至少 10 位')
  .max(128, '密码不超过 128 位')
  .refine(
    (s) => passwordClasses.filter((c) => c.test(s)).length >= 3,
    '密码需包含大写字母、小写字母、数字、符号中的至少三类',
  );

// Field rules of an account, shared by the HTTP routes and the create-admin command.
const text = (label: string) =>
  z.string({
    error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}须为文本`),
  });

export const usernameSchema = text('用户名')
  .trim()
  .min(3, '用户名 3–32 位')
  .max(32, '用户名 3–32 位')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符');
export const displayNameSchema = requiredLine('姓名', 64);
export const phoneSchema = text('手机号')
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号须为 11 位中国大陆手机号');

const role = z.enum(roles, { error: '角色无效' });

/** A session of the signed-in user (issue 16 item 12); `current` is the one asking. */
export const sessionView = z.object({
  id: z.number(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  device: z.string(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionView>;

/** One sign-in to the user's account, successful or not. */
export const signInView = z.object({
  id: z.number(),
  at: z.string(),
  ok: z.boolean(),
  ip: z.string().nullable(),
  device: z.string(),
});
export type SignInView = z.infer<typeof signInView>;
const me200 = { 200: z.object({ user: me }) };

export const authApi = {
  login: defineRoute({
    method: 'POST',
    path: '/auth/login',
    tags: ['auth'],
    summary: '登录',
    body: z.object({
      username: z.string().trim().min(1, '请输入用户名').max(64),
      password: z.string().min(1, '请输入密码').max(128),
    }),
    response: me200,
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/auth/logout',
    tags: ['auth'],
    summary: '退出登录',
    response: { 200: ok },
  }),
  me: defineRoute({
    method: 'GET',
    path: '/auth/me',
    tags: ['auth'],
    summary: '当前用户',
    response: me200,
  }),
  sessions: defineRoute({
    method: 'GET',
    path: '/auth/sessions',
    tags: ['auth'],
    summary: '本人当前登录的会话（设备、地址、时间）',
    response: { 200: z.object({ items: z.array(sessionView) }) },
  }),
  endSession: defineRoute({
    method: 'DELETE',
    path: '/auth/sessions/:id',
    tags: ['auth'],
    summary: '结束本人的一个会话（在该设备上退出）',
    params: idParams,
    response: { 200: ok },
  }),
  signIns: defineRoute({
    method: 'GET',
    path: '/auth/sign-ins',
    tags: ['auth'],
    summary: '本人最近的登录记录（成功与失败）',
    response: { 200: z.object({ items: z.array(signInView) }) },
  }),
  changePassword: defineRoute({
    method: 'POST',
    path: '/auth/password',
    tags: ['auth'],
    summary: '修改密码',
    body: z.object({
      oldPassword: z.string().min(1, '请输入原密码'),
      newPassword: newPasswordSchema,
    }),
    response: { 200: ok },
  }),
};

const users = ['users'];
const oneUser = z.object({ user: userView });
const initialPassword = z.string();

export const usersApi = {
  list: defineRoute({
    method: 'GET',
    path: '/users',
    tags: users,
    summary: '用户列表（本辖区）',
    description: 'orgId 过滤该组织及其下级组织的用户；手机号脱敏。',
    query: z.object({
      q: z.string().trim().max(64, '搜索词不超过 64 字').optional(),
      role: role.optional(),
      orgId: idParams.shape.id.optional(),
      disabled: z
        .enum(['true', 'false'], { error: 'disabled 须为 true 或 false' })
        .transform((v) => v === 'true')
        .optional(),
      ...pageQuery,
    }),
    response: { 200: paged(userView) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/users/:id',
    tags: users,
    summary: '用户详情',
    params: idParams,
    response: { 200: oneUser },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/users',
    tags: users,
    summary: '创建用户',
    description: '返回一次性初始密码；新用户首次登录须修改密码。',
    body: z.object({
      username: usernameSchema,
      displayName: displayNameSchema,
      role,
      // Not coerced: an id sent as text is bad input here.
      orgId: z
        .number({
          error: (issue) => (issue.input === undefined ? '请选择所属组织' : '组织编号无效'),
        })
        .int('组织编号无效')
        .positive('组织编号无效'),
      phone: phoneSchema.optional(),
    }),
    response: { 201: z.object({ user: userView, initialPassword }) },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/users/:id',
    tags: users,
    summary: '修改用户（姓名、手机号、停用）',
    description: '停用会立即结束该用户的所有会话；不能停用自己。',
    params: idParams,
    body: z
      .object({
        displayName: displayNameSchema.optional(),
        phone: phoneSchema.nullable().optional(),
        disabled: z.boolean({ error: 'disabled 须为 true 或 false' }).optional(),
      })
      .refine((patch) => Object.values(patch).some((v) => v !== undefined), {
        error: '没有要修改的字段',
      }),
    response: { 200: oneUser },
  }),
  resetPassword: defineRoute({
    method: 'POST',
    path: '/users/:id/reset-password',
    tags: users,
    summary: '重置密码',
    description: '生成新的一次性密码，解除锁定，并结束该用户的所有会话。',
    params: idParams,
    response: { 200: z.object({ initialPassword }) },
  }),
  assignRole: defineRoute({
    method: 'PUT',
    path: '/users/:id/role',
    tags: users,
    summary: '变更用户角色（安全管理员）',
    description: '只能在业务角色之间变更；角色须与所属组织类型相符。结束该用户的所有会话。',
    params: idParams,
    body: z.object({ role }),
    response: { 200: oneUser },
  }),
};
