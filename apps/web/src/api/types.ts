// Response shapes the server declares in packages/shared; the web reads the same types.
export type { OrgRow, Paged } from '@pairing/shared';
