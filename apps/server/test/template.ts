import type { DbHandle } from '../src/db/client.ts';

/** Fixture data every test file starts from. */
export async function prepareTemplate(_dbh: DbHandle) {}
