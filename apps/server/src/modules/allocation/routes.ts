import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  allocationCandidateList,
  allocationPairReply,
  allocationPreferenceList,
  allocationPublished,
  allocationRunList,
  allocationRunView,
  allocationSettingsReply,
} from '@pairing/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireScope } from '../../lib/scope.ts';
import {
  createRun,
  getPreferences,
  getRunView,
  getSettings,
  listRuns,
  presentRun,
  publishRun,
  putSettings,
  removePair,
  setPairLock,
  setPreferences,
  swapCandidates,
  swapPair,
} from './service.ts';
import { settingsSchema } from './settings.ts';

const id = z.coerce
  .number()
  .int('编号应为整数')
  .positive('编号应为正整数')
  .max(Number.MAX_SAFE_INTEGER);
const runParams = z.object({ id, runId: id });
const pairParams = z.object({ id, runId: id, pairId: id });

export const allocationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    const tags = ['allocation'];
    const base = '/rounds/:id/allocation';

    app.get(
      `${base}/settings`,
      {
        schema: {
          tags,
          summary: '组织分配：成本权重与剪枝设置',
          params: z.object({ id }),
          response: { 200: allocationSettingsReply },
        },
      },
      async (request) => ({
        settings: await getSettings(db, requireScope(request), request.params.id),
      }),
    );

    app.put(
      `${base}/settings`,
      {
        schema: {
          tags,
          summary: '组织分配：修改成本权重（未填的项取默认值）',
          params: z.object({ id }),
          body: settingsSchema,
          response: { 200: allocationSettingsReply },
        },
      },
      async (request) => ({
        settings: await putSettings(db, requireScope(request), request.params.id, request.body),
      }),
    );

    app.get(
      `${base}/preferences/:unitId`,
      {
        schema: {
          tags,
          summary: '单位的结对意愿（意向区县、乡镇或村）',
          params: z.object({ id, unitId: id }),
          response: { 200: allocationPreferenceList },
        },
      },
      async (request) => ({
        items: await getPreferences(
          db,
          requireScope(request),
          request.params.id,
          request.params.unitId,
        ),
      }),
    );

    app.put(
      `${base}/preferences/:unitId`,
      {
        schema: {
          tags,
          summary: '设置单位的结对意愿',
          params: z.object({ id, unitId: id }),
          body: z.object({ ruralOrgIds: z.array(id).max(50, '意向地区不超过 50 个') }).strict(),
          response: { 200: allocationPreferenceList },
        },
      },
      async (request) => ({
        items: await setPreferences(
          db,
          requireScope(request),
          request.params.id,
          request.params.unitId,
          request.body.ruralOrgIds,
        ),
      }),
    );

    app.get(
      `${base}/runs`,
      {
        schema: {
          tags,
          summary: '组织分配方案列表',
          params: z.object({ id }),
          response: { 200: allocationRunList },
        },
      },
      async (request) => ({
        items: await listRuns(db, requireScope(request), request.params.id),
      }),
    );

    app.post(
      `${base}/runs`,
      {
        schema: {
          tags,
          summary: '运行组织分配，生成新方案',
          params: z.object({ id }),
          response: { 201: allocationRunView },
        },
      },
      async (request, reply) => {
        const scope = requireScope(request);
        const run = await createRun(db, scope, ctx.clock, request.params.id);
        return reply.status(201).send(await getRunView(db, scope, request.params.id, run.id));
      },
    );

    app.get(
      `${base}/runs/:runId`,
      {
        schema: {
          tags,
          summary: '分配方案：结对建议、未覆盖对象与分区统计',
          params: runParams,
          response: { 200: allocationRunView },
        },
      },
      async (request) =>
        getRunView(db, requireScope(request), request.params.id, request.params.runId),
    );

    app.post(
      `${base}/runs/:runId/rerun`,
      {
        schema: {
          tags,
          summary: '保留锁定的结对重新运行',
          params: runParams,
          response: { 201: allocationRunView },
        },
      },
      async (request, reply) => {
        const scope = requireScope(request);
        const { id: roundId, runId } = request.params;
        const run = await createRun(db, scope, ctx.clock, roundId, runId);
        return reply.status(201).send(await getRunView(db, scope, roundId, run.id));
      },
    );

    app.post(
      `${base}/runs/:runId/publish`,
      {
        schema: {
          tags,
          summary: '发布方案：结对建议成为待双方确认的意向',
          params: runParams,
          response: { 200: allocationPublished },
        },
      },
      async (request) => {
        const scope = requireScope(request);
        const { id: roundId, runId } = request.params;
        const result = await publishRun(db, scope, ctx.clock, roundId, runId);
        return {
          created: result.created,
          intentionIds: result.intentionIds,
          run: presentRun(result.run),
        };
      },
    );

    app.post(
      `${base}/runs/:runId/pairs/:pairId/lock`,
      {
        schema: {
          tags,
          summary: '锁定或解锁结对建议（锁定的结对在重新运行时保留）',
          params: pairParams,
          body: z.object({ locked: z.boolean({ message: '应为 true 或 false' }) }).strict(),
          response: { 200: allocationPairReply },
        },
      },
      async (request) => {
        const { id: roundId, runId, pairId } = request.params;
        return {
          pair: await setPairLock(
            db,
            requireScope(request),
            roundId,
            runId,
            pairId,
            request.body.locked,
          ),
        };
      },
    );

    app.post(
      `${base}/runs/:runId/pairs/:pairId/remove`,
      {
        schema: {
          tags,
          summary: '移除结对建议（本轮不再建议该结对）',
          params: pairParams,
          response: { 200: allocationPairReply },
        },
      },
      async (request) => {
        const { id: roundId, runId, pairId } = request.params;
        return { pair: await removePair(db, requireScope(request), roundId, runId, pairId) };
      },
    );

    app.get(
      `${base}/runs/:runId/pairs/:pairId/candidates`,
      {
        schema: {
          tags,
          summary: '可替换的单位（按成本排序）',
          params: pairParams,
          response: { 200: allocationCandidateList },
        },
      },
      async (request) => {
        const { id: roundId, runId, pairId } = request.params;
        return { items: await swapCandidates(db, requireScope(request), roundId, runId, pairId) };
      },
    );

    app.post(
      `${base}/runs/:runId/pairs/:pairId/swap`,
      {
        schema: {
          tags,
          summary: '替换结对建议的单位',
          params: pairParams,
          body: z.object({ urbanOrgId: id }).strict(),
          response: { 200: allocationPairReply },
        },
      },
      async (request) => {
        const { id: roundId, runId, pairId } = request.params;
        return {
          pair: await swapPair(
            db,
            requireScope(request),
            roundId,
            runId,
            pairId,
            request.body.urbanOrgId,
          ),
        };
      },
    );
  };
