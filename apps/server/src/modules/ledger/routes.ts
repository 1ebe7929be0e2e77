import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { archiveRoutes } from './routes/archive.ts';
import { disclosureRoutes } from './routes/disclosure.ts';

/** The term's ledger (issue 12): each concern registers its routes here. */
export const ledgerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(disclosureRoutes(ctx));
    await app.register(archiveRoutes(ctx));
  };
