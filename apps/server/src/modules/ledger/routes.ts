import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { registerCheckinRoutes } from './routes/checkins.ts';

/** The ledger's routes, one file per concern under routes/. */
export const ledgerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    registerCheckinRoutes(app, ctx);
  };
