import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agreementsApi } from '@pairing/shared';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { createAmendment } from './commands/amend.ts';
import { handOver } from './commands/hand-over.ts';
import { saveAgreement } from './commands/save.ts';
import { signAgreement } from './commands/sign.ts';
import { renderAgreementDocx } from './document.ts';
import {
  diffVersions,
  documentData,
  getAgreement,
  listAgreements,
  listVersions,
  publicCommitment,
} from './queries.ts';

export const agreementRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    route(app, agreementsApi.publicCommitment, async (request) =>
      publicCommitment(db, request.params.id),
    );

    await app.register(async (signedIn) => {
      // Sign-in is checked before the body, so an anonymous caller gets 401, not 422.
      signedIn.addHook('preValidation', async (request) => {
        requireScope(request);
      });

      route(signedIn, agreementsApi.list, async (request) =>
        listAgreements(db, requireScope(request), request.query),
      );

      route(signedIn, agreementsApi.get, async (request) =>
        getAgreement(db, requireScope(request), request.params.id),
      );

      route(signedIn, agreementsApi.save, async (request) =>
        saveAgreement(db, requireScope(request), request.params.id, request.body),
      );

      route(signedIn, agreementsApi.handOver, async (request) =>
        handOver(db, requireScope(request), request.params.id),
      );

      route(signedIn, agreementsApi.sign, async (request) =>
        signAgreement(db, ctx.clock, requireScope(request), request.params.id, request.body),
      );

      route(signedIn, agreementsApi.amend, async (request, reply) => {
        const amendment = await createAmendment(db, requireScope(request), request.params.id);
        return reply.status(201).send(amendment);
      });

      route(signedIn, agreementsApi.versions, async (request) => ({
        items: await listVersions(db, requireScope(request), request.params.id),
      }));

      route(signedIn, agreementsApi.diff, async (request) =>
        diffVersions(
          db,
          requireScope(request),
          request.params.id,
          request.query.from,
          request.query.to,
        ),
      );

      route(signedIn, agreementsApi.document, async (request, reply) => {
        const data = await documentData(db, requireScope(request), request.params.id);
        const buffer = await renderAgreementDocx(data);
        const name = encodeURIComponent(`结对帮扶协议书-${data.agreement.id}.docx`);
        return reply
          .header(
            'content-type',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          )
          .header('content-disposition', `attachment; filename*=UTF-8''${name}`)
          .send(buffer);
      });
    });
  };
