import { z } from 'zod';
import { roundStates } from '../pairing-round.ts';
import { defineRoute, id, idParams } from './route.ts';

const coverage = z.object({ total: z.number(), covered: z.number() });
export type Coverage = z.infer<typeof coverage>;

/**
 * The public status board of a round (S1 §8, R-LIVE-STATUS): `GET /api/public/rounds/:id/board`
 * and each `board` event of its stream.
 */
export const board = z.object({
  roundId: z.number(),
  name: z.string(),
  state: z.enum(roundStates),
  intentions: z.object({ pending: z.number(), accepted: z.number() }),
  agreementsSigned: z.number(),
  coverage: z.array(
    z.object({
      districtId: z.number(),
      districtName: z.string(),
      towns: coverage,
      villages: coverage,
      weakVillages: coverage,
    }),
  ),
  totals: z.object({ towns: coverage, villages: coverage, weakVillages: coverage }),
  deadlines: z.array(
    z.object({
      key: z.enum(['intention', 'signing', 'term']),
      label: z.string(),
      date: z.string(),
      daysLeft: z.number(),
    }),
  ),
  computedAt: z.string(),
});
export type Board = z.infer<typeof board>;
export type DistrictCoverage = Board['coverage'][number];

/**
 * A town or village of the round in the caller's scope that no accepted intention covers yet
 * (`GET /api/rounds/:id/uncovered`); `taken` counts the places pending intentions hold.
 */
export const uncoveredOrg = z.object({
  id: z.number(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.enum(['village', 'town']),
  weakVillage: z.boolean(),
  parentName: z.string().nullable(),
  taken: z.number(),
});
export type UncoveredOrg = z.infer<typeof uncoveredOrg>;

export const uncoveredList = z.object({ items: z.array(uncoveredOrg) });

/** The uncovered list's filters: inside a district or a town, weak villages only or none. */
export const uncoveredQuery = z.object({
  district: id.optional(),
  town: id.optional(),
  weak: z.enum(['true', 'false'], { message: '经济薄弱村筛选应为 true 或 false' }).optional(),
});
export type UncoveredQuery = z.infer<typeof uncoveredQuery>;

export const boardApi = {
  board: defineRoute({
    method: 'GET',
    path: '/public/rounds/:id/board',
    tags: ['public'],
    summary: '结对进展公示板（无需登录）',
    params: idParams,
    response: { 200: board },
  }),
  /** Server-Sent Events, event name `board`, each a `board`. */
  stream: defineRoute({
    method: 'GET',
    path: '/public/rounds/:id/board/stream',
    tags: ['public'],
    summary: '结对进展公示板实时推送（Server-Sent Events，事件名 board）',
    params: idParams,
  }),
  uncovered: defineRoute({
    method: 'GET',
    path: '/rounds/:id/uncovered',
    tags: ['rounds'],
    summary: '本范围内尚未结对的乡镇和村',
    params: idParams,
    query: uncoveredQuery,
    response: { 200: uncoveredList },
  }),
  /** The same list, with the same filters, as an Excel workbook. */
  uncoveredExport: defineRoute({
    method: 'GET',
    path: '/rounds/:id/uncovered.xlsx',
    tags: ['rounds'],
    summary: '导出本范围内尚未结对的乡镇和村（Excel）',
    params: idParams,
    query: uncoveredQuery,
  }),
};
