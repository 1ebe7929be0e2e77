import { disclosureApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../context.ts';
import { route } from '../../../lib/routes.ts';
import { requireScope } from '../../../lib/scope.ts';
import { todayOf } from '../days.ts';
import { addFundUse } from '../disclosure/commands/add-fund-use.ts';
import { setProfit } from '../disclosure/commands/set-profit.ts';
import { donorLetterData } from '../disclosure/donor-letter.ts';
import { listUses } from '../disclosure/fund-uses.ts';
import { donorLetterTitle, renderDonorLetter } from '../disclosure/letter-docx.ts';
import { villageDisclosure } from '../disclosure/public.ts';
import { pairingTax, unitTax } from '../disclosure/unit-tax.ts';
import { docxType, sendFile } from './files.ts';

/** 村务公开, fund uses, the donor letter and the deductible cap (issue 12 item 8). */
export const disclosureRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    const today = () => todayOf(ctx.clock);

    route(app, disclosureApi.village, async (request) =>
      villageDisclosure(db, request.params.id, today()),
    );

    await app.register(async (signedIn) => {
      // Sign-in is checked before the body, so an anonymous caller gets 401, not 422.
      signedIn.addHook('preValidation', async (request) => {
        requireScope(request);
      });

      route(signedIn, disclosureApi.uses, async (request) =>
        listUses(db, requireScope(request), request.params.id),
      );

      route(signedIn, disclosureApi.addUse, async (request, reply) => {
        const view = await addFundUse(
          db,
          ctx.clock,
          requireScope(request),
          request.params.id,
          request.body,
          request.idempotency,
        );
        return reply.status(201).send(view);
      });

      route(signedIn, disclosureApi.donorLetter, async (request, reply) => {
        const data = await donorLetterData(
          db,
          requireScope(request),
          request.params.id,
          request.query.year,
          today(),
        );
        const name = `${data.pairing.ruralName}${data.year}年${donorLetterTitle}.docx`;
        return sendFile(reply, docxType, name, await renderDonorLetter(data));
      });

      route(signedIn, disclosureApi.setProfit, async (request) =>
        setProfit(
          db,
          requireScope(request),
          request.params.id,
          request.params.year,
          request.body.profit,
          today(),
        ),
      );

      route(signedIn, disclosureApi.pairingTax, async (request) =>
        pairingTax(db, requireScope(request), request.params.id, request.query.year, today()),
      );

      route(signedIn, disclosureApi.unitTax, async (request) =>
        unitTax(db, requireScope(request), request.params.id, request.query.year, today()),
      );
    });
  };
