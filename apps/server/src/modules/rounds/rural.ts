import { sql } from 'drizzle-orm';

/**
 * R-COVERAGE: the rural targets of a round are villages (not urban 社区) and towns outside the
 * central districts. A central district's "towns" are 街道 (streets) stored with kind `town`; they
 * are urban and never targets. Districts without a class (outside Shanghai's 中心城区/近郊/远郊
 * split) keep their towns and villages.
 *
 * The ancestors are looked up by primary key from the path ("/1/7/42/"), which keeps this cheap
 * on the intention hot path. `o` is the alias of the org row being tested (`org_directory`).
 */
export const ruralTargetText = (o: string) => `(${o}.kind in ('village', 'town') and not exists (
    select 1 from org_directory cd
    where cd.id = any(string_to_array(trim(both '/' from ${o}.path), '/')::bigint[])
      and cd.kind = 'district' and cd.district_class = 'central'))`;

export const ruralTarget = (o: string) => sql.raw(ruralTargetText(o));
