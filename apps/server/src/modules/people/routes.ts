// The people registry's routes (issue 14 items 1 and 6). `ports` carries the visibility the
// modules built on the registry add (modules/index.ts).
import { peopleApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { keyringOf } from '../../lib/personal-crypto.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import type { Registry } from './access.ts';
import { createPerson } from './commands/create-person.ts';
import { linkAccount } from './commands/link-account.ts';
import { revealPerson } from './commands/reveal-person.ts';
import { updatePerson } from './commands/update-person.ts';
import { peopleFileRoutes } from './files/routes.ts';
import type { PeoplePorts } from './ports.ts';
import { getPerson, listPeople } from './queries.ts';

export const peopleRoutes =
  (ctx: AppContext, ports: PeoplePorts): FastifyPluginAsyncZod =>
  async (app) => {
    const reg: Registry = { db: ctx.dbh.db, keyring: keyringOf(ctx.config), ports };

    route(app, peopleApi.list, async (request) =>
      listPeople(reg, requireScope(request), request.query),
    );
    route(app, peopleApi.get, async (request) =>
      getPerson(reg, requireScope(request), request.params.id),
    );
    route(app, peopleApi.create, async (request, reply) => {
      const answer = await createPerson(
        reg,
        requireScope(request),
        request.params.id,
        request.body,
        request.idempotency,
      );
      reply.status(201);
      return answer;
    });
    route(app, peopleApi.update, async (request) =>
      updatePerson(reg, requireScope(request), request.params.id, request.body),
    );
    route(app, peopleApi.reveal, async (request) =>
      revealPerson(reg, requireScope(request), request.params.id, request.body.reason),
    );
    route(app, peopleApi.linkAccount, async (request) =>
      linkAccount(reg, requireScope(request), request.params.id, request.body.userId),
    );
    await app.register(peopleFileRoutes(reg));
  };
