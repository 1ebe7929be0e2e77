import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  directoryPage,
  listItemList,
  needCategories,
  quotaList,
  quotaReply,
  resourceCategories,
  roundInput,
  roundList,
  roundPatch,
  roundReply,
  roundStates,
} from '@pairing/shared';
import type { AppContext } from '../../context.ts';
import { requireScope } from '../../lib/scope.ts';
import { chinaDay } from './dates.ts';
import { directory } from './directory.ts';
import { letterFileName } from './letter-name.ts';
import { quotaLetter } from './letter.ts';
import { readList, replaceList, type ListKind } from './lists.ts';
import { getQuota, listQuotas, presentQuota, setQuota } from './quotas.ts';
import {
  createRound,
  listPublicRounds,
  listRounds,
  presentRound,
  readRound,
  transitionRound,
  updateRound,
} from './service.ts';

const id = z.coerce
  .number()
  .int('编号应为整数')
  .positive('编号应为正整数')
  .max(Number.MAX_SAFE_INTEGER);
const count = z.number().int('应为整数').min(0, '不能为负数').max(100_000, '数值过大');

const listBody = (categories: readonly string[]) =>
  z.object({
    items: z
      .array(
        z.object({
          category: z.enum(categories as [string, ...string[]], {
            message: `类别应为：${categories.join('、')}`,
          }),
          note: z.string().trim().max(500, '说明不超过 500 字').nullable().optional(),
          amount: z
            .number()
            .int('金额应为整数（元）')
            .min(0, '金额不能为负数')
            .max(1e12, '金额过大')
            .nullable()
            .optional(),
        }),
      )
      .max(30, '清单不超过 30 项'),
  });

export const roundRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    const tags = ['rounds'];

    app.get(
      '/rounds',
      { schema: { tags, summary: '结对轮次列表', response: { 200: roundList } } },
      async (request) => ({
        items: (await listRounds(db, requireScope(request))).map(presentRound),
      }),
    );

    app.post(
      '/rounds',
      {
        schema: { tags, summary: '新建结对轮次', body: roundInput, response: { 201: roundReply } },
      },
      async (request, reply) => {
        const round = await createRound(db, requireScope(request), request.body);
        return reply.status(201).send({ round: presentRound(round) });
      },
    );

    app.get(
      '/rounds/:id',
      {
        schema: {
          tags,
          summary: '结对轮次详情',
          params: z.object({ id }),
          response: { 200: roundReply },
        },
      },
      async (request) => ({
        round: presentRound(await readRound(db, requireScope(request), request.params.id)),
      }),
    );

    app.patch(
      '/rounds/:id',
      {
        schema: {
          tags,
          summary: '修改结对轮次',
          params: z.object({ id }),
          body: roundPatch,
          response: { 200: roundReply },
        },
      },
      async (request) => ({
        round: presentRound(
          await updateRound(db, requireScope(request), request.params.id, request.body),
        ),
      }),
    );

    app.post(
      '/rounds/:id/transitions',
      {
        schema: {
          tags,
          summary: '变更轮次状态',
          params: z.object({ id }),
          body: z.object({
            to: z.enum(roundStates, { message: `状态应为：${roundStates.join('、')}` }),
          }),
          response: { 200: roundReply },
        },
      },
      async (request) => ({
        round: presentRound(
          await transitionRound(
            db,
            requireScope(request),
            ctx.clock,
            request.params.id,
            request.body.to,
          ),
        ),
      }),
    );

    app.get(
      '/rounds/:id/quotas',
      {
        schema: {
          tags,
          summary: '任务建议书列表',
          params: z.object({ id }),
          response: { 200: quotaList },
        },
      },
      async (request) => ({
        items: await listQuotas(db, requireScope(request), request.params.id),
      }),
    );

    app.put(
      '/rounds/:id/quotas',
      {
        schema: {
          tags,
          summary: '下达（或调整）任务建议书',
          params: z.object({ id }),
          body: z
            .object({
              orgId: id,
              towns: count,
              villages: count,
              weakVillages: count,
              note: z.string().trim().max(1000, '说明不超过 1000 字').nullable().optional(),
            })
            .refine((b) => b.weakVillages <= b.villages, {
              message: '薄弱村数不能超过村数',
              path: ['weakVillages'],
            }),
          response: { 200: quotaReply },
        },
      },
      async (request) => ({
        quota: presentQuota(
          await setQuota(db, requireScope(request), request.params.id, request.body),
        ),
      }),
    );

    app.get(
      '/rounds/:id/quotas/:quotaId/letter.docx',
      {
        schema: { tags, summary: '下载任务建议书（Word）', params: z.object({ id, quotaId: id }) },
      },
      async (request, reply) => {
        const found = await getQuota(
          db,
          requireScope(request),
          request.params.id,
          request.params.quotaId,
        );
        const buffer = await quotaLetter({ ...found, issuedOn: chinaDay(ctx.clock.now()) });
        return reply
          .header(
            'content-type',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          )
          .header('content-disposition', letterFileName(`${found.quota.orgName}任务建议书.docx`))
          .send(buffer);
      },
    );

    for (const kind of ['needs', 'resources'] as ListKind[]) {
      const label = kind === 'needs' ? '需求清单' : '资源清单';
      const params = z.object({ id, orgId: id });
      app.get(
        `/rounds/:id/orgs/:orgId/${kind}`,
        { schema: { tags, summary: label, params, response: { 200: listItemList } } },
        async (request) => ({
          items: await readList(
            db,
            requireScope(request),
            request.params.id,
            request.params.orgId,
            kind,
          ),
        }),
      );
      app.put(
        `/rounds/:id/orgs/:orgId/${kind}`,
        {
          schema: {
            tags,
            summary: `发布（替换）${label}`,
            params,
            body: listBody(kind === 'needs' ? needCategories : resourceCategories),
            response: { 200: listItemList },
          },
        },
        async (request) => ({
          items: await replaceList(
            db,
            requireScope(request),
            request.params.id,
            request.params.orgId,
            kind,
            request.body.items,
          ),
        }),
      );
    }

    app.get(
      '/public/rounds',
      {
        schema: {
          tags: ['public'],
          summary: '公开的结对轮次（无需登录，草稿除外）',
          response: { 200: roundList },
        },
      },
      async () => ({ items: (await listPublicRounds(db)).map(presentRound) }),
    );

    app.get(
      '/public/rounds/:id/directory',
      {
        schema: {
          tags: ['public'],
          summary: '公开名录（无需登录）',
          params: z.object({ id }),
          querystring: z.object({
            district: id.optional(),
            weak: z
              .enum(['true', 'false'])
              .transform((v) => v === 'true')
              .optional(),
            need: z
              .enum(needCategories, { message: `需求类别应为：${needCategories.join('、')}` })
              .optional(),
            uncovered: z
              .enum(['true', 'false'])
              .transform((v) => v === 'true')
              .optional(),
            q: z.string().trim().max(50, '关键词不超过 50 字').optional(),
            page: z.coerce.number().int().min(1, '页码从 1 开始').max(10_000).default(1),
            pageSize: z.coerce.number().int().min(1).max(200, '每页不超过 200 条').default(50),
          }),
          response: { 200: directoryPage },
        },
      },
      async (request) => directory(db, request.params.id, request.query),
    );
  };
