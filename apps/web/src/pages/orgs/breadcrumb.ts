type Named = { id: number; name: string };

/**
 * The ancestors a breadcrumb names: a level named as the one below it (the province 上海市 above
 * the city 上海市) is left out, so the trail does not read "上海市 / 上海市". The deeper one stays:
 * it is the level admins act for.
 */
export function breadcrumbAncestors<T extends Named>(ancestors: readonly T[], name: string): T[] {
  return ancestors.filter((a, i) => a.name !== (ancestors[i + 1]?.name ?? name));
}
