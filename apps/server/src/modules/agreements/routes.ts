import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  agreementContentInput,
  agreementDiff,
  agreementPage,
  agreementVersionList,
  agreementView,
  publicCommitmentView,
} from '@pairing/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireScope } from '../../lib/scope.ts';
import { renderAgreementDocx } from './document.ts';
import {
  createAmendment,
  diffVersions,
  documentData,
  getAgreement,
  handOver,
  listAgreements,
  listVersions,
  publicCommitment,
  saveAgreement,
  signAgreement,
} from './service.ts';
import { pageQuery } from '@pairing/shared';

const id = z.coerce
  .number({ error: '编号须为正整数' })
  .int('编号须为正整数')
  .positive('编号须为正整数')
  .max(Number.MAX_SAFE_INTEGER, '编号过大');
const params = z.object({ id });
const version = z
  .number({ error: '请提供所编辑的版本号' })
  .int('版本号须为整数')
  .positive('版本号须为正整数');
const tags = ['agreements'];

export const agreementRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    app.get(
      '/public/agreements/:id/commitment',
      {
        schema: {
          tags,
          summary: '公开承诺（已签署协议，无需登录）',
          params,
          response: { 200: publicCommitmentView },
        },
      },
      async (request) => publicCommitment(db, request.params.id),
    );

    await app.register(async (plugin) => {
      const signedIn = plugin.withTypeProvider<ZodTypeProvider>();
      // Sign-in is checked before the body, so an anonymous caller gets 401, not 422.
      signedIn.addHook('preValidation', async (request) => {
        requireScope(request);
      });

      signedIn.get(
        '/agreements',
        {
          schema: {
            tags,
            summary: '协议列表（任一方在本人范围内）',
            querystring: z.object({
              roundId: id.optional(),
              status: z.enum(['draft', 'signed'], { error: '状态须为 draft 或 signed' }).optional(),
              ...pageQuery,
            }),
            response: { 200: agreementPage },
          },
        },
        async (request) => listAgreements(db, requireScope(request), request.query),
      );

      signedIn.get(
        '/agreements/:id',
        { schema: { tags, summary: '协议详情', params, response: { 200: agreementView } } },
        async (request) => getAgreement(db, requireScope(request), request.params.id),
      );

      signedIn.put(
        '/agreements/:id',
        {
          schema: {
            tags,
            summary: '保存协议（执笔方；携带所编辑的版本号）',
            params,
            body: z.object({ version, content: agreementContentInput }),
            response: { 200: agreementView },
          },
        },
        async (request) =>
          saveAgreement(db, requireScope(request), request.params.id, request.body),
      );

      signedIn.post(
        '/agreements/:id/hand-over',
        {
          schema: { tags, summary: '将协议交对方编辑', params, response: { 200: agreementView } },
        },
        async (request) => handOver(db, requireScope(request), request.params.id),
      );

      signedIn.post(
        '/agreements/:id/sign',
        {
          schema: {
            tags,
            summary: '本方签署协议',
            params,
            body: z.object({ version }),
            response: { 200: agreementView },
          },
        },
        async (request) =>
          signAgreement(db, ctx.clock, requireScope(request), request.params.id, request.body),
      );

      signedIn.post(
        '/agreements/:id/amendments',
        {
          schema: {
            tags,
            summary: '对已签署协议提出补充协议',
            params,
            response: { 201: agreementView },
          },
        },
        async (request, reply) => {
          const amendment = await createAmendment(db, requireScope(request), request.params.id);
          return reply.status(201).send(amendment);
        },
      );

      signedIn.get(
        '/agreements/:id/versions',
        {
          schema: { tags, summary: '协议版本', params, response: { 200: agreementVersionList } },
        },
        async (request) => ({
          items: await listVersions(db, requireScope(request), request.params.id),
        }),
      );

      signedIn.get(
        '/agreements/:id/diff',
        {
          schema: {
            tags,
            summary: '两个版本之间的差异',
            params,
            querystring: z.object({
              from: z.coerce.number().int('版本号须为整数').positive('版本号须为正整数'),
              to: z.coerce.number().int('版本号须为整数').positive('版本号须为正整数'),
            }),
            response: { 200: agreementDiff },
          },
        },
        async (request) =>
          diffVersions(
            db,
            requireScope(request),
            request.params.id,
            request.query.from,
            request.query.to,
          ),
      );

      signedIn.get(
        '/agreements/:id/document.docx',
        { schema: { tags, summary: '下载协议书（.docx）', params } },
        async (request, reply) => {
          const data = await documentData(db, requireScope(request), request.params.id);
          const buffer = await renderAgreementDocx(data);
          const name = encodeURIComponent(`结对帮扶协议书-${data.agreement.id}.docx`);
          return reply
            .header(
              'content-type',
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            )
            .header('content-disposition', `attachment; filename*=UTF-8''${name}`)
            .send(buffer);
        },
      );
    });
  };
