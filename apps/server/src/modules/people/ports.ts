import type { SQL } from 'drizzle-orm';
import type { Scope } from '../../lib/scope.ts';

/**
 * What the registry asks of the modules built on it (they import the registry, so it cannot
 * import them): who else may see a person besides the organizations he is registered at.
 * Each is SQL over `persons p`, true when the caller may see `p`. Wired in `modules/index.ts`.
 * - 1+2: a unit sees the people paired with its cadres (R-ONE-PLUS-TWO).
 * - mobile members: the inflow organization sees a member once it has received him.
 */
export type PeoplePorts = { visibleThrough: ReadonlyArray<(scope: Scope) => SQL> };
