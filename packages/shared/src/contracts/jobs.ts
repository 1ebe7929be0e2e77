import { z } from 'zod';
import { defineRoute } from './route.ts';

/** The kinds of background work a caller starts and may follow (the queue's names). */
export const backgroundJobKinds = ['allocation.run'] as const;

/**
 * A background job as its owner sees it: `queued` until a server process takes it, `running`
 * while one works on it (`progress` of `total` steps), then `done` with its `result` or `failed`
 * with a `message` saying why.
 */
export const backgroundJob = z.object({
  id: z.uuid(),
  kind: z.enum(backgroundJobKinds),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number(),
  total: z.number(),
  result: z.record(z.string(), z.unknown()).nullable(),
  message: z.string().nullable(),
  createdAt: z.string(),
});
export type BackgroundJob = z.infer<typeof backgroundJob>;

/** A start's answer (HTTP 202): the job to follow. */
export const jobStarted = z.object({ jobId: z.uuid() });
export type JobStarted = z.infer<typeof jobStarted>;

const tags = ['jobs'];

/** The caller's own background jobs: the latest ones and one by id. */
export const jobsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/jobs',
    tags,
    summary: '我的后台任务（最近 20 个）',
    response: { 200: z.object({ items: z.array(backgroundJob) }) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/jobs/:jobId',
    tags,
    summary: '后台任务的状态与进度',
    params: z.object({ jobId: z.uuid('任务编号无效') }),
    response: { 200: backgroundJob },
  }),
};
