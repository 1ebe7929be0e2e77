// The platform administrators' routes (三员分立): the security administrator's policy and
// sessions, the audit administrator's trail. One line per contract.
import { securityApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { timeRange } from '../audit/time-range.ts';
import { sendFile, xlsxType } from '../ledger/routes/files.ts';
import { chinaDay } from '../rounds/dates.ts';
import { getPolicy, setPolicy } from './policy-settings.ts';
import { endAnySession, listAnySessions } from './sessions.ts';
import { listTrail, trailForExport } from './trail.ts';
import { trailWorkbook } from './trail-export.ts';

export const securityRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    route(app, securityApi.policy, async (request) => ({
      policy: await getPolicy(db, requireScope(request)),
    }));
    route(app, securityApi.setPolicy, async (request) => ({
      policy: await setPolicy(db, requireScope(request), request.body),
    }));
    route(app, securityApi.sessions, async (request) =>
      listAnySessions(db, requireScope(request), request.query),
    );
    route(app, securityApi.endSession, async (request) => {
      await endAnySession(db, requireScope(request), request.params.id);
      return { ok: true as const };
    });
    route(app, securityApi.trail, async (request) => {
      const { from, to, ...filter } = request.query;
      return listTrail(db, requireScope(request), { ...filter, ...timeRange(from, to) });
    });
    route(app, securityApi.exportTrail, async (request, reply) => {
      const scope = requireScope(request);
      const { from, to, ...filter } = request.query;
      const entries = await trailForExport(db, scope, { ...filter, ...timeRange(from, to) });
      const name = `安全审计-${chinaDay(ctx.clock.now())}.xlsx`;
      return sendFile(reply, xlsxType, name, await trailWorkbook(entries));
    });
  };
