// Response shapes the server declares in packages/shared; the web reads the same types.
export type {
  AuditRecord as AuditRow,
  Me,
  OrgRow,
  Paged,
  UserView as UserRow,
} from '@pairing/shared';
