import { paged, roles, userView } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireScope } from '../../lib/scope.ts';
import { displayName, phone, username } from './fields.ts';
import { pageQuery } from '@pairing/shared';
import { authorize } from './policy.ts';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './service.ts';

const role = z.enum(roles, { error: '角色无效' });
const id = z.coerce.number({ error: '编号须为数字' }).int('编号须为整数').positive('编号无效');

const tags = ['users'];

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    app.get(
      '/users',
      {
        schema: {
          tags,
          summary: '用户列表（本辖区）',
          description: 'orgId 过滤该组织及其下级组织的用户；手机号脱敏。',
          querystring: z.object({
            q: z.string().trim().max(64, '搜索词不超过 64 字').optional(),
            role: role.optional(),
            orgId: id.optional(),
            disabled: z
              .enum(['true', 'false'], { error: 'disabled 须为 true 或 false' })
              .transform((v) => v === 'true')
              .optional(),
            ...pageQuery,
          }),
          response: {
            200: paged(userView),
          },
        },
      },
      async (request) => {
        const scope = requireScope(request);
        authorize(scope, 'list');
        return listUsers(db, scope, request.query);
      },
    );

    app.get(
      '/users/:id',
      {
        schema: {
          tags,
          summary: '用户详情',
          params: z.object({ id }),
          response: { 200: z.object({ user: userView }) },
        },
      },
      async (request) => {
        const scope = requireScope(request);
        authorize(scope, 'read');
        return { user: await getUser(db, scope, request.params.id) };
      },
    );

    app.post(
      '/users',
      {
        schema: {
          tags,
          summary: '创建用户',
          description: '返回一次性初始密码；新用户首次登录须修改密码。',
          body: z.object({
            username,
            displayName,
            role,
            orgId: z
              .number({
                error: (issue) => (issue.input === undefined ? '请选择所属组织' : '组织编号无效'),
              })
              .int('组织编号无效')
              .positive('组织编号无效'),
            phone: phone.optional(),
          }),
          response: { 201: z.object({ user: userView, initialPassword: z.string() }) },
        },
      },
      async (request, reply) => {
        const scope = requireScope(request);
        authorize(scope, 'create');
        return reply.status(201).send(await createUser(db, scope, request.body));
      },
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary: '修改用户（姓名、手机号、停用）',
          description: '停用会立即结束该用户的所有会话；不能停用自己。',
          params: z.object({ id }),
          body: z
            .object({
              displayName: displayName.optional(),
              phone: phone.nullable().optional(),
              disabled: z.boolean({ error: 'disabled 须为 true 或 false' }).optional(),
            })
            .refine((patch) => Object.values(patch).some((v) => v !== undefined), {
              error: '没有要修改的字段',
            }),
          response: { 200: z.object({ user: userView }) },
        },
      },
      async (request) => {
        const scope = requireScope(request);
        authorize(scope, 'update');
        return { user: await updateUser(db, scope, request.params.id, request.body) };
      },
    );

    app.post(
      '/users/:id/reset-password',
      {
        schema: {
          tags,
          summary: '重置密码',
          description: '生成新的一次性密码，解除锁定，并结束该用户的所有会话。',
          params: z.object({ id }),
          response: { 200: z.object({ initialPassword: z.string() }) },
        },
      },
      async (request) => {
        const scope = requireScope(request);
        authorize(scope, 'resetPassword');
        return resetPassword(db, scope, request.params.id);
      },
    );
  };
