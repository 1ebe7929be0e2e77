import type { OrgKind, Role } from '@pairing/shared';

/** `totalExact: false` means the server stopped counting at `total` (large national lists). */
export type Paged<T> = {
  items: T[];
  total: number;
  totalExact?: boolean;
  page: number;
  pageSize: number;
};

export type Me = {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  path: string;
  mustChangePassword: boolean;
};

/** S1 §2–3: central districts help, outer suburbs are helped, near suburbs do both. */
export type DistrictClass = 'central' | 'near_suburban' | 'outer_suburban';

export type OrgRow = {
  id: number;
  kind: OrgKind;
  code: string | null;
  name: string;
  parentId: number | null;
  districtClass: DistrictClass | null;
  districtId: number | null;
  districtName: string | null;
  townName: string | null;
  weakVillage: boolean;
  covered: boolean;
  unitType: string | null;
  capacity: number | null;
  yearlyBudget: number | null;
  resourceTags: string[] | null;
  contactName: string | null;
  contactPhone: string | null;
};

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

export type UserRow = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  phone: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
};

export type AuditRow = {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: number | string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
};

export type ImportKind = 'units' | 'weak-villages';

export type ImportJob = {
  id: number | string;
  kind: string;
  status: 'running' | 'failed' | 'done';
  total: number;
  processed: number;
  imported: number;
  errors: Array<{ row: number; column: string; message: string }>;
};
