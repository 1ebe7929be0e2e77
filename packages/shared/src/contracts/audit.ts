import { z } from 'zod';
import { pageQuery, paged } from './page.ts';
import { defineRoute, id } from './route.ts';
import { auditRecord } from './users.ts';

const term = (label: string) => z.string().trim().max(64, `${label}不超过 64 字`).optional();

export const auditApi = {
  list: defineRoute({
    method: 'GET',
    path: '/audit',
    tags: ['audit'],
    summary: '审计日志（本辖区，最新在前）',
    description:
      'from/to 为 YYYY-MM-DD（北京时间整天，含当天）或带时区的 ISO 时间；actor 为用户名或用户编号。' +
      '批量操作（如发布分配方案）列为一条，items 为其明细条数；batch 为其编号时列出明细。' +
      '按对象编号查询时，明细也逐条列出。',
    query: z.object({
      action: term('操作'),
      entity: term('对象类型'),
      entityId: term('对象编号'),
      actor: term('操作人'),
      batch: id.optional(),
      from: z.string().trim().max(40, '日期格式不正确').optional(),
      to: z.string().trim().max(40, '日期格式不正确').optional(),
      ...pageQuery,
    }),
    response: { 200: paged(auditRecord) },
  }),
};
