import type { DbHandle } from '../src/db/client.ts';
import { loadDivisions } from '../src/modules/orgs/divisions-source.ts';
import { importDivisions } from '../src/modules/orgs/import-divisions.ts';

/** Fixture data every test file starts from: Shanghai's real divisions (about one second). */
export async function prepareTemplate(dbh: DbHandle) {
  await importDivisions(dbh.db, loadDivisions('31'));
}
