// Village secretaries' 双百分 assessment and pay (issue 14 item 5, R-SECRETARY-PAY).
import { secretariesApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { keyringOf } from '../../lib/personal-crypto.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { chinaDay } from '../rounds/dates.ts';
import { assessYear } from './commands/assess.ts';
import { createTerm } from './commands/create-term.ts';
import { endTerm } from './commands/end-term.ts';
import { setParameters } from './commands/set-parameters.ts';
import { parametersView } from './parameters-view.ts';
import { computePay } from './pay.ts';
import { getSecretary, listSecretaries } from './queries.ts';

export const secretaryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    const keyring = keyringOf(ctx.config);
    const today = () => chinaDay(ctx.clock.now());

    route(app, secretariesApi.list, async (request) =>
      listSecretaries(db, keyring, requireScope(request), request.query, today()),
    );
    route(app, secretariesApi.parameters, async (request) =>
      parametersView(db, requireScope(request), request.query.year ?? Number(today().slice(0, 4))),
    );
    route(app, secretariesApi.setParameters, async (request) =>
      setParameters(db, requireScope(request), request.params.year, request.body),
    );
    route(app, secretariesApi.get, async (request) =>
      getSecretary(db, keyring, requireScope(request), request.params.id, today()),
    );
    route(app, secretariesApi.createTerm, async (request, reply) => {
      const detail = await createTerm(
        db,
        keyring,
        requireScope(request),
        request.body,
        today(),
        request.idempotency,
      );
      reply.status(201);
      return detail;
    });
    route(app, secretariesApi.endTerm, async (request) =>
      endTerm(db, keyring, requireScope(request), request.params.id, request.body, today()),
    );
    route(app, secretariesApi.assess, async (request, reply) => {
      const answer = await assessYear(
        db,
        requireScope(request),
        request.params.id,
        request.body,
        today(),
        request.idempotency,
      );
      reply.status(201);
      return answer;
    });
    route(app, secretariesApi.preview, async (request) => {
      const { pay, parameters, parametersFromYear } = await computePay(
        db,
        requireScope(request),
        request.params.id,
        request.body,
        today(),
      );
      return { pay, parameters, parametersFromYear };
    });
  };
