import {
  auditActionNames,
  auditEntityNames,
  signInKindNames,
  type TrailEntry,
} from '@pairing/shared';
import ExcelJS from 'exceljs';

const json = (value: unknown) => (value == null ? '' : JSON.stringify(value));

const kindNames: Record<string, string> = { ...auditActionNames, ...signInKindNames };
const entityNames: Record<string, string> = auditEntityNames;

/** The trail as a workbook; personal fields arrive masked (trail.ts). */
export async function trailWorkbook(entries: TrailEntry[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '城乡结对帮扶平台';
  const sheet = book.addWorksheet('安全审计');
  sheet.columns = [
    { header: '时间', key: 'at', width: 22 },
    { header: '用户', key: 'actor', width: 16 },
    { header: '用户编号', key: 'actorId', width: 9 },
    { header: '操作', key: 'kind', width: 22 },
    { header: '对象', key: 'entity', width: 14 },
    { header: '对象编号', key: 'entityId', width: 10 },
    { header: 'IP', key: 'ip', width: 16 },
    { header: '设备', key: 'device', width: 24 },
    { header: '变更前', key: 'before', width: 40 },
    { header: '变更后', key: 'after', width: 40 },
  ];
  for (const entry of entries)
    sheet.addRow({
      at: entry.at,
      actor: entry.actorName ?? '',
      actorId: entry.actorId ?? '',
      kind: kindNames[entry.kind] ?? entry.kind,
      entity: entry.entity ? (entityNames[entry.entity] ?? entry.entity) : '',
      entityId: entry.entityId ?? '',
      ip: entry.ip ?? '',
      device: entry.device ?? '',
      before: json(entry.before),
      after: json(entry.after),
    });
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
