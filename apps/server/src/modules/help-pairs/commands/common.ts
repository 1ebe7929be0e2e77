// What the "1+2" writes share: their dependencies, today in China time, and the replay of an
// idempotent create whose key already has an answer.
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import { chinaDay } from '../../rounds/dates.ts';

export type Deps = { db: Db; clock: Clock; config: AppContext['config'] };

export const todayOf = (clock: Clock) => chinaDay(clock.now());

/** A repeated idempotent create: the transaction rolls back and the first answer is replayed. */
export const replayed = () =>
  new AppError(409, 'idempotent_replay', '该请求已处理，将返回首次的结果');
