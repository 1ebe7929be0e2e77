import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { intentionsApi } from '@pairing/shared';
import type { AppContext } from '../../context.ts';
import { requireScope } from '../../lib/scope.ts';
import { route } from '../../lib/routes.ts';
import { acceptIntention, confirmIntention } from './commands/accept.ts';
import { confirmAllocatedInBulk } from './commands/confirm-allocated-in-bulk.ts';
import { confirmRenewal } from './commands/confirm-renewal.ts';
import { declineRenewal } from './commands/decline-renewal.ts';
import { declineIntention, withdrawIntention } from './commands/refuse.ts';
import { submitIntention } from './commands/submit.ts';
import { incomingIntentions } from './incoming.ts';
import type { IntentionPorts } from './ports.ts';
import { presentDecided } from './present.ts';
import { intentionViews, listRenewals } from './queries.ts';

export const intentionRoutes =
  (ctx: AppContext, ports: IntentionPorts): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    route(app, intentionsApi.submit, async (request, reply) => {
      const intention = await submitIntention(
        db,
        requireScope(request),
        ctx.clock,
        { roundId: request.params.id, ...request.body },
        request.idempotency,
      );
      // When the change was committed (ms since the epoch): the start of the board's delivery
      // lag (R-LIVE-STATUS, bench/rush.ts).
      reply.header('x-committed-at', String(Date.now()));
      reply.status(201);
      // The statement answered the record as the contract shapes it, the same JSON the key keeps.
      return { intention };
    });

    route(app, intentionsApi.list, async (request) => ({
      items: await intentionViews(
        db,
        requireScope(request),
        ctx.clock.now(),
        request.params.id,
        request.query,
      ),
    }));

    route(app, intentionsApi.incoming, async (request) => ({
      items: await incomingIntentions(
        db,
        requireScope(request),
        ctx.clock.now(),
        request.params.id,
        request.query.state,
      ),
    }));

    for (const [contract, run] of [
      [intentionsApi.accept, acceptIntention],
      [intentionsApi.confirm, confirmIntention],
    ] as const)
      route(app, contract, async (request) => {
        const { intention, agreementId } = await run(
          db,
          requireScope(request),
          ctx.clock,
          request.params.id,
          ports,
        );
        return { intention: presentDecided(intention), agreementId };
      });

    route(app, intentionsApi.confirmAllocatedInBulk, async (request) =>
      confirmAllocatedInBulk(
        db,
        requireScope(request),
        ctx.clock,
        request.params.id,
        request.body.intentionIds,
        ports,
        request.idempotency,
      ),
    );

    for (const [contract, run] of [
      [intentionsApi.decline, declineIntention],
      [intentionsApi.withdraw, withdrawIntention],
    ] as const)
      route(app, contract, async (request) => ({
        intention: presentDecided(
          await run(db, requireScope(request), ctx.clock, request.params.id),
        ),
      }));

    route(app, intentionsApi.renewals, async (request) => ({
      items: await listRenewals(db, requireScope(request), ctx.clock.now(), request.params.id),
    }));

    route(app, intentionsApi.confirmRenewal, async (request) => ({
      renewal: await confirmRenewal(
        db,
        requireScope(request),
        ctx.clock,
        request.params.id,
        request.body.previousIntentionId,
        ports,
      ),
    }));

    route(app, intentionsApi.declineRenewal, async (request) => ({
      renewal: await declineRenewal(db, requireScope(request), ctx.clock, request.params.id),
    }));
  };
