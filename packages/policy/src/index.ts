export { evaluate, parseAt } from './evaluate.ts';
export { parseLedger, validateLedger, LedgerError } from './validate.ts';
export type { LedgerIssue, LedgerValidation } from './validate.ts';
export { ledgerSchema } from './ledger.ts';
export type { Ledger, LedgerEvent, Person } from './ledger.ts';
export { PACKS, PACK_IDS, sh2010, ah2011, town2010 } from './packs.ts';
export type { PackId } from './packs.ts';
export type * from './rules.ts';
export type * from './status.ts';
export * from './vocabulary.ts';
export { prorate } from './periods.ts';
export * from './signing.ts';
export { springFestival, twelfthLunarMonth } from './lunar.ts';
export * from './secretary-pay.ts';
export {
  MOBILE_DUTIES,
  MOBILE_DUTY_STATUSES,
  mobileEight,
  mobileDutyPeriod,
  mobileDutyDateProblem,
  mobileDutyStates,
} from './mobile.ts';
export type {
  MobileDuty,
  MobileDutyStatus,
  MobileDutyState,
  MobileDutyRecord,
  AwaySpan,
} from './mobile.ts';
