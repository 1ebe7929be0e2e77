import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { evidenceRoutes } from './routes/evidence.ts';

/** The ledger's routes, one file per concern under routes/. */
export const ledgerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    evidenceRoutes(app, ctx);
  };
