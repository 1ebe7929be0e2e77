import { orgKinds, orgList, unitTypes } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireScope } from '../../lib/scope.ts';
import { listDistrictPairs, replaceDistrictPairs } from './district-pairs.ts';
import { authorize } from './policy.ts';
import { createUnit, listOrgs, orgDetail, orgTree, updateOrg } from './service.ts';
import { unitFields } from './unit-fields.ts';
import { pageQuery } from '@pairing/shared';

const id = z.coerce
  .number()
  .int('编号应为整数')
  .positive('编号应为正整数')
  .max(Number.MAX_SAFE_INTEGER);
const flag = z
  .enum(['true', 'false'], { message: '应为 true 或 false' })
  .transform((v) => v === 'true');

const listQuery = z.object({
  q: z.string().trim().max(50, '搜索词不超过 50 字').optional(),
  kind: z.enum(orgKinds, { message: '组织类型不正确' }).optional(),
  districtId: id.optional(),
  townId: id.optional(),
  weak: flag.optional(),
  covered: flag.optional(),
  unitType: z.enum(unitTypes, { message: '单位类型不正确' }).optional(),
  parentId: id.optional(),
  ...pageQuery,
});

const pairsBody = z.object({
  pairs: z
    .array(z.object({ urbanDistrictId: id, ruralDistrictId: id }))
    .max(500, '结对不超过 500 条'),
});

export const orgRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    app.get(
      '/orgs',
      {
        schema: {
          tags: ['orgs'],
          summary: '组织名录（分页、筛选）',
          querystring: listQuery,
          response: { 200: orgList },
        },
      },
      async (request) => {
        const scope = requireScope(request);
        authorize(scope, 'read');
        return listOrgs(db, scope, request.query);
      },
    );

    app.get(
      '/orgs/tree',
      {
        schema: {
          tags: ['orgs'],
          summary: '组织树（按需加载下级）',
          querystring: z.object({ parentId: id.optional() }),
        },
      },
      async (request) => {
        const scope = requireScope(request);
        authorize(scope, 'read');
        return orgTree(db, scope, request.query.parentId);
      },
    );

    app.get(
      '/orgs/:id',
      { schema: { tags: ['orgs'], summary: '组织详情', params: z.object({ id }) } },
      async (request) => {
        const scope = requireScope(request);
        authorize(scope, 'read');
        return orgDetail(db, scope, request.params.id);
      },
    );

    app.patch(
      '/orgs/:id',
      {
        schema: {
          tags: ['orgs'],
          summary: '修改组织（经济薄弱村标记、城市单位信息）',
          params: z.object({ id }),
          body: unitFields
            .partial()
            .extend({ weakVillage: z.boolean({ message: '应为是或否' }).optional() })
            .strict(),
        },
      },
      async (request) => {
        const scope = requireScope(request);
        authorize(scope, 'write');
        return updateOrg(db, scope, request.params.id, request.body);
      },
    );

    app.post(
      '/orgs/units',
      {
        schema: {
          tags: ['orgs'],
          summary: '新建城市单位',
          body: unitFields.extend({ parentId: id }),
        },
      },
      async (request, reply) => {
        const scope = requireScope(request);
        authorize(scope, 'write');
        reply.status(201);
        return createUnit(db, scope, request.body);
      },
    );

    app.get(
      '/district-pairs',
      { schema: { tags: ['orgs'], summary: '对口帮扶表' } },
      async (request) => {
        const scope = requireScope(request);
        authorize(scope, 'read');
        return listDistrictPairs(db, scope);
      },
    );

    app.put(
      '/district-pairs',
      { schema: { tags: ['orgs'], summary: '修改对口帮扶表', body: pairsBody } },
      async (request) => {
        const scope = requireScope(request);
        authorize(scope, 'editDistrictPairs');
        return replaceDistrictPairs(db, scope, request.body.pairs);
      },
    );
  };
