// Show a person's numbers in full (issue 14 item 6): only with a reason, kept in the audit log
// (the record holds the reason and who asked, never the numbers).
import { authorize } from '../../../lib/policy.ts';
import { open } from '../../../lib/personal-crypto.ts';
import type { Scope } from '../../../lib/scope.ts';
import { loadPerson, type Registry } from '../access.ts';
import { recordPersonAudit } from '../audit.ts';
import { can } from '../policy.ts';

export async function revealPerson(reg: Registry, scope: Scope, id: number, reason: string) {
  authorize(can, scope, 'reveal');
  return reg.db.transaction(async (tx) => {
    const row = await loadPerson({ ...reg, db: tx }, scope, id);
    authorize(can, scope, 'reveal', row);
    // Opened before the record is written: a wrong key fails the reveal and leaves no record.
    const shown = {
      idNumber: open(reg.keyring, row.idNumberSealed),
      phone: row.phoneSealed === null ? null : open(reg.keyring, row.phoneSealed),
    };
    await recordPersonAudit(tx, scope, {
      action: 'person.revealed',
      personId: id,
      homePath: row.homePath,
      after: {
        reason,
        name: row.name,
        fields: shown.phone === null ? ['idNumber'] : ['idNumber', 'phone'],
      },
    });
    return shown;
  });
}
