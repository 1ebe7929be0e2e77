// The term's ledger (issue 12). Each concern registers its own routes here, one line each.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { archiveRoutes } from './routes/archive.ts';
import { checkinRoutes } from './routes/checkins.ts';
import { coreRoutes } from './routes/core.ts';
import { disclosureRoutes } from './routes/disclosure.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { rollupRoutes } from './routes/rollup.ts';

export const ledgerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(coreRoutes(ctx));
    await app.register(checkinRoutes(ctx));
    evidenceRoutes(app, ctx);
    await app.register(disclosureRoutes(ctx));
    await app.register(archiveRoutes(ctx));
    await app.register(rollupRoutes(ctx));
  };
