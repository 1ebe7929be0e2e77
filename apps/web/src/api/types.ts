import type { OrgKind, OrgRow } from '@pairing/shared';

// Response shapes the server declares in packages/shared; the web reads the same types.
export type {
  AuditRecord as AuditRow,
  Me,
  OrgRow,
  Paged,
  UserView as UserRow,
} from '@pairing/shared';

export type OrgTreeNode = {
  id: number;
  name: string;
  kind: OrgKind;
  code: string | null;
  hasChildren: boolean;
  weakVillage: boolean;
  childCount: number;
};

export type OrgDetail = Omit<OrgRow, 'districtId' | 'districtName' | 'townName'> & {
  addressDistrictId: number | null;
  addressDistrictName: string | null;
  ancestors: Array<{ id: number; name: string; kind: OrgKind }>;
  childCounts: Record<string, number>;
};

export type ImportKind = 'units' | 'weak-villages';

export type ImportJob = {
  id: number | string;
  kind: string;
  status: 'running' | 'failed' | 'done';
  total: number;
  processed: number;
  imported: number;
  /** One page of the kept errors (`?offset=&limit=`, 100 by default). */
  errors: Array<{ row: number; column: string; message: string }>;
  /** Every error found; the server keeps the first `errorsKept` of them. */
  errorCount: number;
  errorsKept: number;
};
