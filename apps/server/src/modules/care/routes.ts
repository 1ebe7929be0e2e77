// The care archive's routes (issue 14 item 3, R-CARE, R-DOUBLE-PAIR): one line per contract.
import { careApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { chinaDay } from '../rounds/dates.ts';
import { sendFile, xlsxType } from '../ledger/routes/files.ts';
import { addHelp } from './commands/add-help.ts';
import { closeCase } from './commands/close-case.ts';
import { openCase } from './commands/open-case.ts';
import { setCarer } from './commands/set-carer.ts';
import { updateCase } from './commands/update-case.ts';
import { exportCases } from './export.ts';
import { dueVisits, getCase, listCases } from './queries.ts';

export const careRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => chinaDay(ctx.clock.now());

    route(app, careApi.list, async (request) =>
      listCases(ctx, requireScope(request), request.query, today()),
    );
    route(app, careApi.dueVisits, async (request) =>
      dueVisits(ctx, requireScope(request), request.query, today()),
    );
    route(app, careApi.get, async (request) =>
      getCase(ctx, requireScope(request), request.params.id, today()),
    );
    route(app, careApi.open, async (request, reply) => {
      const view = await openCase(ctx, requireScope(request), request.body, request.idempotency);
      reply.status(201);
      return view;
    });
    route(app, careApi.update, async (request) =>
      updateCase(ctx, requireScope(request), request.params.id, request.body),
    );
    route(app, careApi.close, async (request) =>
      closeCase(ctx, requireScope(request), request.params.id, request.body),
    );
    route(app, careApi.adopt, async (request) =>
      setCarer(ctx, requireScope(request), request.params.id, request.body),
    );
    route(app, careApi.addHelp, async (request, reply) => {
      const view = await addHelp(
        ctx,
        requireScope(request),
        request.params.id,
        request.body,
        request.idempotency,
      );
      reply.status(201);
      return view;
    });
    route(app, careApi.export, async (request, reply) => {
      const body = await exportCases(ctx, requireScope(request), request.body, today());
      return sendFile(reply, xlsxType, `帮扶档案-${today()}.xlsx`, body);
    });
  };
