// Mobile Party members (issue 14 item 4): one route per contract, each one service call.
import { mobileApi } from '@pairing/shared';
import { twelfthLunarMonth } from '@pairing/policy';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context.ts';
import { keyringOf } from '../../lib/personal-crypto.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { chinaDay } from '../rounds/dates.ts';
import { answerQuery } from './commands/answer.ts';
import { askAboutMember } from './commands/ask.ts';
import { receiveMember } from './commands/receive.ts';
import { recordDuty } from './commands/record-duty.ts';
import { registerMember } from './commands/register.ts';
import { returnHome } from './commands/return-home.ts';
import { sendMember } from './commands/send.ts';
import { renderAgreementDocx } from './documents/agreement-docx.ts';
import { agreementData, letterData } from './documents/data.ts';
import { renderLetterDocx } from './documents/letter-docx.ts';
import { findDestinations, getFile, incomingNotices, listMembers } from './queries.ts';

const sendDocx = (reply: FastifyReply, fileName: string, buffer: Buffer) =>
  reply
    .header(
      'content-type',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(buffer);

export const mobileRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    const keyring = keyringOf(ctx.config);
    const today = () => chinaDay(ctx.clock.now());

    route(app, mobileApi.register, async (request, reply) => {
      const member = await registerMember(
        db,
        keyring,
        requireScope(request),
        request.body,
        request.idempotency,
      );
      reply.status(201);
      return { member };
    });
    route(app, mobileApi.list, async (request) =>
      listMembers(db, keyring, requireScope(request), request.query, today()),
    );
    route(app, mobileApi.incoming, async (request) =>
      incomingNotices(db, keyring, requireScope(request), today()),
    );
    route(app, mobileApi.destinations, async (request) =>
      findDestinations(db, requireScope(request), request.query.q),
    );
    route(app, mobileApi.symposium, async (request) => {
      requireScope(request);
      return { year: request.query.year, ...twelfthLunarMonth(request.query.year) };
    });
    route(app, mobileApi.get, async (request) =>
      getFile(db, keyring, requireScope(request), request.params.id, request.query.year, today()),
    );
    route(app, mobileApi.send, async (request) => ({
      member: await sendMember(
        db,
        keyring,
        requireScope(request),
        ctx.clock,
        request.params.id,
        request.body,
      ),
    }));
    route(app, mobileApi.receive, async (request) => ({
      member: await receiveMember(db, keyring, requireScope(request), ctx.clock, request.params.id),
    }));
    route(app, mobileApi.ask, async (request, reply) => {
      const query = await askAboutMember(
        db,
        requireScope(request),
        ctx.clock,
        request.params.id,
        request.body,
        request.idempotency,
      );
      reply.status(201);
      return { query };
    });
    route(app, mobileApi.answer, async (request) => ({
      query: await answerQuery(
        db,
        requireScope(request),
        ctx.clock,
        request.params.id,
        request.body.answer,
      ),
    }));
    route(app, mobileApi.recordDuty, async (request, reply) => {
      const duty = await recordDuty(
        db,
        requireScope(request),
        ctx.clock,
        request.params.id,
        request.body,
        request.idempotency,
      );
      reply.status(201);
      return { duty };
    });
    route(app, mobileApi.returnHome, async (request) => ({
      member: await returnHome(
        db,
        keyring,
        requireScope(request),
        ctx.clock,
        request.params.id,
        request.body.returnedOn,
      ),
    }));
    route(app, mobileApi.agreement, async (request, reply) => {
      const { row, name } = await agreementData(
        db,
        keyring,
        requireScope(request),
        request.params.id,
      );
      return sendDocx(
        reply,
        `流出党员管理协议书-${row.certificateNumber}.docx`,
        await renderAgreementDocx(row, name),
      );
    });
    route(app, mobileApi.letter, async (request, reply) => {
      const now = today();
      const year = request.query.year ?? Number(now.slice(0, 4));
      const { orgName, to } = await letterData(
        db,
        keyring,
        requireScope(request),
        request.params.id,
      );
      // Dated today while before 七一 of that year, else the eve of 七一.
      const eve = `${year}-06-30`;
      const date = now.slice(0, 4) === String(year) && now <= eve ? now : eve;
      return sendDocx(
        reply,
        `致流动党员的一封信-${orgName}-${year}.docx`,
        await renderLetterDocx(orgName, to, year, date),
      );
    });
  };
