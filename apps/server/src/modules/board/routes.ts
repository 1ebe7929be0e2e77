import { board, uncoveredList } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireScope } from '../../lib/scope.ts';
import { defaultStreamLimits, openSse, StreamGate } from '../../lib/sse.ts';
import { getPublicRound } from '../rounds/service.ts';
import { BoardHub } from './hub.ts';
import { computeBoard, uncovered } from './service.ts';

const id = z.coerce
  .number()
  .int('编号应为整数')
  .positive('编号应为正整数')
  .max(Number.MAX_SAFE_INTEGER);

export const boardRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    const hub = new BoardHub(ctx);
    // Anyone may open the stream, so anyone could open thousands: each is a file handle (R-LIVE-STATUS).
    const gate = new StreamGate(ctx.config.streams ?? defaultStreamLimits());
    app.addHook('onReady', () => hub.start());
    app.addHook('onClose', () => hub.stop());

    app.get(
      '/public/rounds/:id/board',
      {
        schema: {
          tags: ['public'],
          summary: '结对进展公示板（无需登录）',
          params: z.object({ id }),
          response: { 200: board },
        },
      },
      async (request) =>
        computeBoard(db, await getPublicRound(db, request.params.id), ctx.clock.now()),
    );

    app.get(
      '/public/rounds/:id/board/stream',
      {
        schema: {
          tags: ['public'],
          summary: '结对进展公示板实时推送（Server-Sent Events，事件名 board）',
          params: z.object({ id }),
        },
        onRequest: gate.admit,
      },
      async (request, reply) => {
        const roundId = request.params.id;
        await getPublicRound(db, roundId);
        const client = openSse(request, reply, () => hub.unsubscribe(roundId, client));
        await hub.subscribe(roundId, client).catch((err: unknown) => {
          request.log.error(err);
          client.close();
        });
      },
    );

    app.get(
      '/rounds/:id/uncovered',
      {
        schema: {
          tags: ['rounds'],
          summary: '本范围内尚未结对的乡镇和村',
          params: z.object({ id }),
          response: { 200: uncoveredList },
        },
      },
      async (request) => ({ items: await uncovered(db, requireScope(request), request.params.id) }),
    );
  };
