import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgs } from './schema.ts';

export type NewOrg = Omit<typeof orgs.$inferInsert, 'id' | 'path' | 'depth' | 'provinceCode'> & {
  provinceCode?: string;
};

/** Insert one org under its parent, deriving `path`, `depth` and `provinceCode` from the parent. */
export async function insertOrg(db: Db, input: NewOrg) {
  const parent = input.parentId
    ? (await db.select().from(orgs).where(eq(orgs.id, input.parentId)))[0]
    : undefined;
  if (input.parentId && !parent) throw new Error(`parent org ${input.parentId} not found`);
  const [row] = await db
    .insert(orgs)
    .values({
      ...input,
      provinceCode: input.provinceCode ?? parent?.provinceCode ?? input.code?.slice(0, 2) ?? '00',
      depth: parent ? parent.depth + 1 : 0,
      path: '',
    })
    .returning();
  const [withPath] = await db
    .update(orgs)
    .set({ path: sql`${parent?.path ?? '/'} || ${row.id}::text || '/'` })
    .where(eq(orgs.id, row.id))
    .returning();
  return withPath;
}
