import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { agreementRoutes } from './agreements/routes.ts';
import { createDraftAgreement } from './agreements/service.ts';
import { stageWorkForRounds } from './agreements/stage-for-rounds.ts';
import { allocationRoutes } from './allocation/routes.ts';
import { pairedWithCadresOf } from './help-pairs/read-for-people.ts';
import { helpPairRoutes } from './help-pairs/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { boardRoutes } from './board/routes.ts';
import { careRoutes } from './care/routes.ts';
import { userRoutes } from './users/routes.ts';
import { importRoutes } from './imports/routes.ts';
import { intentionsForRounds } from './intentions/read-for-rounds.ts';
import { intentionRoutes } from './intentions/routes.ts';
import { ledgerRoutes } from './ledger/routes.ts';
import { receivedMemberVisible } from './mobile/read-for-people.ts';
import { mobileRoutes } from './mobile/routes.ts';
import { notificationRoutes } from './reminders/routes.ts';
import { orgRoutes } from './orgs/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { roundRoutes } from './rounds/routes.ts';
import { secretaryRoutes } from './secretaries/routes.ts';
import { securityRoutes } from './security/routes.ts';
import { todoRoutes } from './todo/routes.ts';
import { allocationRunJob } from './allocation/job.ts';
import { jobRoutes } from './jobs/routes.ts';
import { importQueueJob } from './imports/jobs.ts';

/**
 * Every module's routes, mounted under /api. A module's port (what it asks of a module that
 * depends on it) is wired here.
 */
export const modules: Array<(ctx: AppContext) => FastifyPluginAsyncZod> = [
  authRoutes,
  (ctx) => roundRoutes(ctx, intentionsForRounds, stageWorkForRounds),
  // Intentions own the port through which an acceptance creates its draft agreement.
  (ctx) => intentionRoutes(ctx, { draftAgreement: createDraftAgreement }),
  boardRoutes,
  userRoutes,
  auditRoutes,
  agreementRoutes,
  orgRoutes,
  importRoutes,
  allocationRoutes,
  notificationRoutes,
  ledgerRoutes,
  todoRoutes,
  secretaryRoutes,
  mobileRoutes,
  careRoutes,
  helpPairRoutes,
  // Who else sees a person: the unit of his 1+2 cadre, the organization that received him.
  (ctx) => peopleRoutes(ctx, { visibleThrough: [pairedWithCadresOf, receivedMemberVisible] }),
  // The background queue: the jobs users start and follow, and the imports.
  (ctx) => jobRoutes(ctx, [allocationRunJob], [importQueueJob]),
  securityRoutes,
];
