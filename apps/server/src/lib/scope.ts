import type { Role } from '@pairing/shared';

/** Who is acting and over which part of the org tree. Every service query filters by `path`. */
export type Scope = {
  userId: number;
  username: string;
  role: Role;
  orgId: number;
  /** Materialized path of the actor's org, e.g. "/1/7/"; everything under it is in scope. */
  path: string;
  ip?: string;
};

export const inScope = (scope: Pick<Scope, 'path'>, path: string) => path.startsWith(scope.path);

/** SQL LIKE pattern for "inside this path", with LIKE metacharacters escaped. */
export const pathPrefix = (path: string) => path.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
