import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgs } from './schema.ts';

/**
 * The orgs of kind 'city', or the one with `code`: the short division code (3101) or the stored
 * 12-digit one (310100000000). The first admin's account hangs under one of them.
 */
export async function findCities(db: Db, code?: string) {
  const where: SQL[] = [eq(orgs.kind, 'city')];
  if (code) where.push(inArray(orgs.code, [code, code.padEnd(12, '0')]));
  return db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(...where));
}
