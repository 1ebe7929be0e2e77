// Register up to 5,000 people from the template (issue 14 item 1): all or nothing. The workbook
// passes the imports module's checks (zip directory, unpacked size, streaming reader); every row
// is checked (validate.ts) and any problem answers all row errors found and stores nothing.
// Nothing of the file is kept: no import job, no stored rows; the numbers go in sealed, the audit
// record keeps them masked, the idempotency answer is a count. A retry with the same key and
// file replays the answer.
import { createHash } from 'node:crypto';
import {
  keptImportErrors,
  type ImportRowError,
  peopleImportRows,
  type PeopleImported,
  type PeopleImportRejected,
} from '@pairing/shared';
import { AppError } from '../../../lib/errors.ts';
import { authorize } from '../../../lib/policy.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import {
  bindContent,
  isAnswered,
  recordAnswer,
  type IdempotencyKey,
} from '../../idempotency/plugin.ts';
import { inspectWorkbook, readRows, unpackInOrder } from '../../imports/workbook.ts';
import type { Registry } from '../access.ts';
import { recordPersonAudit } from '../audit.ts';
import { homeOrg } from '../checks.ts';
import { sealedNumbers } from '../commands/create-person.ts';
import { can } from '../policy.ts';
import { persons } from '../schema.ts';
import { peopleSheetColumns } from './columns.ts';
import { auditRowOf, validatePeople } from './validate.ts';

export type ImportOutcome = { imported: PeopleImported } | { rejected: PeopleImportRejected };

const replayed = () => new AppError(409, 'idempotent_replay', '该请求已处理，将返回首次的结果');
const insertChunk = 500;

export async function importPeople(
  reg: Registry,
  scope: Scope,
  orgId: number,
  file: () => Promise<Buffer>,
  idempotency: IdempotencyKey | null = null,
): Promise<ImportOutcome> {
  authorize(can, scope, 'import');
  const org = await homeOrg(reg.db, scope, orgId);
  authorize(can, scope, 'import', { homePath: org.path, secondPath: null });

  const buffer = await file();
  if (idempotency) {
    bindContent(idempotency, createHash('sha256').update(buffer).digest('hex'));
    // A retry would find its own rows registered: the first answer is replayed instead.
    if (await isAnswered(reg.db, idempotency)) throw replayed();
  }
  const declared = inspectWorkbook(buffer);
  const rows = await readRows(
    await unpackInOrder(buffer, declared),
    peopleSheetColumns,
    peopleImportRows,
  );

  try {
    return await reg.db.transaction(async (tx) => {
      const { inputs, errors } = await validatePeople(tx, reg.keyring, org.id, rows);
      if (errors.length) return { rejected: rejection(errors) };
      const ids: number[] = [];
      for (let i = 0; i < inputs.length; i += insertChunk) {
        const inserted = await tx
          .insert(persons)
          .values(
            inputs.slice(i, i + insertChunk).map((input) => ({
              orgId: org.id,
              secondOrgId: input.secondOrgId,
              provinceCode: org.provinceCode,
              kind: input.kind,
              name: input.name,
              gender: input.gender,
              tags: input.tags,
              note: input.note,
              createdBy: scope.userId,
              ...sealedNumbers(reg, input),
            })),
          )
          .returning({ id: persons.id });
        ids.push(...inserted.map((r) => r.id));
      }
      await recordPersonAudit(tx, scope, {
        action: 'people.imported',
        personId: null,
        homePath: org.path,
        after: {
          orgId: org.id,
          count: inputs.length,
          people: inputs.map((input, i) => auditRowOf(ids[i], input)),
        },
      });
      const answer = { imported: inputs.length };
      if (idempotency && !(await recordAnswer(tx, idempotency, 201, answer))) throw replayed();
      return { imported: answer };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'persons_id_number_index_key'))
      throw new AppError(
        409,
        'person_exists',
        '导入期间有人员被同时登记，未导入任何人员；请重新上传整份文件',
      );
    throw err;
  }
}

const rejection = (errors: ImportRowError[]): PeopleImportRejected => ({
  error: {
    code: 'import_rejected',
    message: `表格中有 ${errors.length} 处问题，未导入任何人员；请修改后重新上传整份文件`,
    fields: {},
    rows: errors.slice(0, keptImportErrors),
    rowCount: errors.length,
  },
});
