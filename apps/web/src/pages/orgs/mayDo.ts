import type { GlobalAbility, Me } from '@pairing/shared';

/**
 * Whether the signed-in user may take a module action at all, as `me.abilities` (the server's
 * role table) says; an action about one org reads that org's own `abilities` instead.
 */
export const mayDo = (me: Me, ability: GlobalAbility) =>
  (me as Me & { abilities?: Partial<Record<GlobalAbility, boolean>> }).abilities?.[ability] ===
  true;
