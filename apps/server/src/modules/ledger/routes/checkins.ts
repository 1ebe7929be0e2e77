// Check-in by QR code (issue 12 item 6): the organizer's code and list, and the two public routes
// a participant's phone calls with the code's token.
import { checkinsApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../context.ts';
import { requireJsonBody } from '../../../lib/http.ts';
import { route } from '../../../lib/routes.ts';
import { requireScope } from '../../../lib/scope.ts';
import { listCheckins, publicCheckin } from '../checkin/queries.ts';
import { checkIn } from '../commands/check-in.ts';
import { openCheckin } from '../commands/open-checkin.ts';

// Per source address. A room of participants behind one village network shares an address, so
// the check-in limit allows a meeting's worth a minute; a refused phone retries (429).
const publicReadLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };
const publicWriteLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };

export const checkinRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    route(app, checkinsApi.open, async (request, reply) => {
      const code = await openCheckin(db, ctx.clock, requireScope(request), request.params.id);
      return reply.status(201).send(code);
    });

    route(app, checkinsApi.list, async (request) =>
      listCheckins(db, ctx.clock, requireScope(request), request.params.id),
    );

    route(
      app,
      checkinsApi.publicView,
      async (request) => publicCheckin(db, ctx.clock, request.params.token),
      publicReadLimit,
    );

    route(
      app,
      checkinsApi.checkIn,
      async (request) => checkIn(db, ctx.clock, request.params.token, request.body),
      publicWriteLimit,
      { onRequest: requireJsonBody },
    );
  };
