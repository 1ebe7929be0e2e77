import { boardApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { defaultStreamLimits, openSse, StreamGate } from '../../lib/sse.ts';
import { sendFile, xlsxType } from '../ledger/routes/files.ts';
import { getPublicRound } from '../rounds/service.ts';
import { BoardHub } from './hub.ts';
import { computeBoard, uncovered } from './service.ts';
import { uncoveredWorkbook } from './uncovered-workbook.ts';

export const boardRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    const hub = new BoardHub(ctx);
    // Anyone may open the stream, so anyone could open thousands: each is a file handle (R-LIVE-STATUS).
    const gate = new StreamGate(ctx.config.streams ?? defaultStreamLimits());
    app.addHook('onReady', () => hub.start());
    app.addHook('onClose', () => hub.stop());

    route(app, boardApi.board, async (request) =>
      computeBoard(db, await getPublicRound(db, request.params.id), ctx.clock.now()),
    );

    route(
      app,
      boardApi.stream,
      async (request, reply) => {
        const roundId = request.params.id;
        await getPublicRound(db, roundId);
        const client = openSse(request, reply, () => hub.unsubscribe(roundId, client));
        await hub.subscribe(roundId, client).catch((err: unknown) => {
          request.log.error(err);
          client.close();
        });
      },
      {},
      { onRequest: gate.admit },
    );

    route(app, boardApi.uncovered, async (request) => ({
      items: await uncovered(db, requireScope(request), request.params.id, request.query),
    }));

    route(app, boardApi.uncoveredExport, async (request, reply) => {
      const items = await uncovered(db, requireScope(request), request.params.id, request.query);
      return sendFile(reply, xlsxType, '尚未结对的乡镇和村.xlsx', await uncoveredWorkbook(items));
    });
  };
