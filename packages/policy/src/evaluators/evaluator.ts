import type { PreparedLedger } from '../prepare.ts';
import type { PeriodStatus } from '../status.ts';

/** Evaluates one compiled rule over a prepared ledger as of day number `at`. */
export type Evaluator = (ledger: PreparedLedger, at: number, dueSoonDays: number) => PeriodStatus[];
