import { auditRecord, paged } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireScope } from '../auth/hook.ts';
import { pageQuery } from '../../lib/pagination.ts';
import { authorize } from './policy.ts';
import { listAudit } from './service.ts';
import { timeRange } from './time-range.ts';

const term = (label: string) => z.string().trim().max(64, `${label}不超过 64 字`).optional();

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: '审计日志（本辖区，最新在前）',
          description:
            'from/to 为 YYYY-MM-DD（北京时间整天，含当天）或带时区的 ISO 时间；actor 为用户名或用户编号。',
          querystring: z.object({
            action: term('操作'),
            entity: term('对象类型'),
            entityId: term('对象编号'),
            actor: term('操作人'),
            from: z.string().trim().max(40, '日期格式不正确').optional(),
            to: z.string().trim().max(40, '日期格式不正确').optional(),
            ...pageQuery,
          }),
          response: {
            200: paged(auditRecord),
          },
        },
      },
      async (request) => {
        const scope = requireScope(request);
        authorize(scope, 'browse');
        const { from, to, ...filter } = request.query;
        return listAudit(ctx.dbh.db, scope, { ...filter, ...timeRange(from, to) });
      },
    );
  };
