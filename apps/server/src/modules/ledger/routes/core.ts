// Pairings, rosters, records and their confirmation, and the engine's ledger and status.
import { ledgerApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../context.ts';
import { route } from '../../../lib/routes.ts';
import { requireScope } from '../../../lib/scope.ts';
import { confirmRecord } from '../commands/confirm-record.ts';
import { createRecord } from '../commands/create-record.ts';
import { objectToRecord } from '../commands/object-record.ts';
import { addRosterEntry, endRosterEntry } from '../commands/roster.ts';
import { setDepartment } from '../commands/set-department.ts';
import { settleRecord } from '../commands/settle-record.ts';
import { withdrawRecord } from '../commands/withdraw-record.ts';
import { todayOf } from '../days.ts';
import { complianceAt, ledgerAt } from '../queries-engine.ts';
import { getPairing, listPairings } from '../queries-pairings.ts';
import { awaitingRecords, getRecord, pairingRecords } from '../queries-records.ts';
import { reportDraft } from '../report-draft.ts';

export const coreRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    const today = () => todayOf(ctx.clock);

    route(app, ledgerApi.list, async (request) =>
      listPairings(db, requireScope(request), request.query),
    );
    route(app, ledgerApi.get, async (request) =>
      getPairing(db, requireScope(request), request.params.id, today()),
    );
    route(app, ledgerApi.ledger, async (request) =>
      ledgerAt(db, requireScope(request), request.params.id, request.query.at ?? today()),
    );
    route(app, ledgerApi.compliance, async (request) =>
      complianceAt(db, requireScope(request), request.params.id, request.query.at ?? today()),
    );

    route(app, ledgerApi.addRosterEntry, async (request, reply) => {
      const entry = await addRosterEntry(
        db,
        requireScope(request),
        ctx.clock,
        request.params.id,
        request.body,
        request.idempotency,
      );
      reply.status(201);
      return entry;
    });
    route(app, ledgerApi.endRosterEntry, async (request) =>
      endRosterEntry(
        db,
        requireScope(request),
        ctx.clock,
        request.params.id,
        request.params.entryId,
        request.body,
      ),
    );
    route(app, ledgerApi.setDepartment, async (request) =>
      setDepartment(db, requireScope(request), request.params.id, request.body),
    );

    route(app, ledgerApi.records, async (request) =>
      pairingRecords(db, requireScope(request), request.params.id, request.query, today()),
    );
    route(app, ledgerApi.createRecord, async (request, reply) => {
      const record = await createRecord(
        db,
        requireScope(request),
        ctx.clock,
        request.params.id,
        request.body,
        request.idempotency,
      );
      reply.status(201);
      return record;
    });
    route(app, ledgerApi.reportDraft, async (request) =>
      reportDraft(db, requireScope(request), request.params.id, request.query.quarter),
    );
    route(app, ledgerApi.awaiting, async (request) =>
      awaitingRecords(db, requireScope(request), request.query, today()),
    );
    route(app, ledgerApi.getRecord, async (request) =>
      getRecord(db, requireScope(request), request.params.id, today()),
    );

    route(app, ledgerApi.confirm, async (request) =>
      confirmRecord(db, requireScope(request), ctx.clock, request.params.id),
    );
    route(app, ledgerApi.object, async (request) =>
      objectToRecord(db, requireScope(request), ctx.clock, request.params.id, request.body),
    );
    route(app, ledgerApi.settle, async (request) =>
      settleRecord(db, requireScope(request), ctx.clock, request.params.id, request.body),
    );
    route(app, ledgerApi.withdraw, async (request) =>
      withdrawRecord(db, requireScope(request), ctx.clock, request.params.id),
    );
  };
