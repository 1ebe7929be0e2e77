import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  intentionAcceptance,
  intentionDecision,
  intentionList,
  intentionStates,
  intentionsApi,
  renewalConfirmation,
  renewalDeclined,
  renewalList,
} from '@pairing/shared';
import type { AppContext } from '../../context.ts';
import { requireScope } from '../../lib/scope.ts';
import { route } from '../../lib/routes.ts';
import { confirmRenewal, declineRenewal, listRenewals } from './renewals.ts';
import {
  acceptIntention,
  confirmIntention,
  declineIntention,
  listIntentions,
  presentDecided,
  presentIntention,
  presentIntentionView,
  submitIntention,
  withdrawIntention,
} from './service.ts';

const id = z.coerce
  .number()
  .int('编号应为整数')
  .positive('编号应为正整数')
  .max(Number.MAX_SAFE_INTEGER);

export const intentionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    const tags = ['intentions'];

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
      return { intention: presentIntention(intention) };
    });

    app.get(
      '/rounds/:id/intentions',
      {
        schema: {
          tags,
          summary: '本范围内的结对意向',
          params: z.object({ id }),
          querystring: z.object({ state: z.enum(intentionStates).optional() }),
          response: { 200: intentionList },
        },
      },
      async (request) => ({
        items: (
          await listIntentions(db, requireScope(request), request.params.id, request.query)
        ).map(presentIntentionView),
      }),
    );

    // A yes answers the intention and the draft agreement it created (none yet for an
    // allocated pair still awaiting the other side); a no answers the intention.
    const acceptances = {
      accept: { summary: '村（镇）方确认接受意向', run: acceptIntention },
      confirm: { summary: '单位方确认组织分配的结对', run: confirmIntention },
    };
    for (const [action, { summary, run }] of Object.entries(acceptances)) {
      app.post(
        `/intentions/:id/${action}`,
        {
          schema: {
            tags,
            summary,
            params: z.object({ id }),
            response: { 200: intentionAcceptance },
          },
        },
        async (request) => {
          const { intention, agreementId } = await run(
            db,
            requireScope(request),
            ctx.clock,
            request.params.id,
          );
          return { intention: presentDecided(intention), agreementId };
        },
      );
    }
    const refusals = {
      decline: { summary: '村（镇）方婉拒意向', run: declineIntention },
      withdraw: {
        summary: '单位撤回意向（接受前）；组织分配的结对即为婉拒',
        run: withdrawIntention,
      },
    };
    for (const [action, { summary, run }] of Object.entries(refusals)) {
      app.post(
        `/intentions/:id/${action}`,
        {
          schema: { tags, summary, params: z.object({ id }), response: { 200: intentionDecision } },
        },
        async (request) => ({
          intention: presentDecided(
            await run(db, requireScope(request), ctx.clock, request.params.id),
          ),
        }),
      );
    }

    app.get(
      '/rounds/:id/renewals',
      {
        schema: {
          tags,
          summary: '可续签的上一轮结对',
          params: z.object({ id }),
          response: { 200: renewalList },
        },
      },
      async (request) => ({
        items: await listRenewals(db, requireScope(request), request.params.id),
      }),
    );

    app.post(
      '/rounds/:id/renewals',
      {
        schema: {
          tags,
          summary: '确认续签上一轮结对（双方分别确认）',
          params: z.object({ id }),
          body: z.object({ previousIntentionId: id }),
          response: { 200: renewalConfirmation },
        },
      },
      async (request) => ({
        renewal: await confirmRenewal(
          db,
          requireScope(request),
          ctx.clock,
          request.params.id,
          request.body.previousIntentionId,
        ),
      }),
    );

    app.post(
      '/renewals/:id/decline',
      {
        schema: {
          tags,
          summary: '不再续签',
          params: z.object({ id }),
          response: { 200: renewalDeclined },
        },
      },
      async (request) => ({
        renewal: await declineRenewal(db, requireScope(request), ctx.clock, request.params.id),
      }),
    );
  };
