import { jobsApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { isDatabaseUnavailable } from '../../db/client.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { queueJobOf, type OwnedJob } from './owned.ts';
import { startQueue, stopQueue, waitingAndRunning } from './queue.ts';
import { getJob, listJobs } from './service.ts';
import { workJobs, type QueueJob } from './work.ts';

/**
 * The background queue of this server process, with workers for the jobs users start and follow
 * here (`owned`) and for other modules' work (`others`), and the routes that follow owned jobs.
 * The queue stops with the app; running jobs get a grace period.
 */
export const jobRoutes =
  (
    ctx: AppContext,
    owned: Array<OwnedJob<never>>,
    others: Array<QueueJob<never>> = [],
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const jobs = [...owned.map((job) => queueJobOf(job)), ...others];
    for (const { name } of jobs) app.metrics.registerQueue(name, waitingAndRunning(ctx.dbh, name));
    const begin = async () => {
      await startQueue(ctx.dbh, {}, (err) => app.log.error(err));
      await workJobs(ctx, jobs);
    };
    // Without a database the server still starts (health says degraded, requests answer 503);
    // the queue starts once the database answers.
    let retry: NodeJS.Timeout | undefined;
    const beginLater = (delayMs: number) => {
      retry = setTimeout(() => {
        begin().catch((err: unknown) => {
          if (!isDatabaseUnavailable(err)) app.log.error(err);
          beginLater(Math.min(delayMs * 2, 30_000));
        });
      }, delayMs);
    };
    try {
      await begin();
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      app.log.warn('后台任务队列等待数据库');
      beginLater(1_000);
    }
    app.addHook('onClose', async () => {
      clearTimeout(retry);
      await stopQueue(ctx.dbh);
    });

    route(app, jobsApi.list, async (request) => listJobs(ctx.dbh, requireScope(request)));
    route(app, jobsApi.get, async (request) =>
      getJob(ctx.dbh, requireScope(request), request.params.jobId),
    );
  };
