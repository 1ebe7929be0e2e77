import ExcelJS from 'exceljs';
import type { UncoveredOrg } from '@pairing/shared';

const kinds: Record<UncoveredOrg['kind'], string> = { village: '村', town: '乡镇' };

/** The uncovered list as a workbook an organizer can sort, filter and print. */
export async function uncoveredWorkbook(items: UncoveredOrg[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('尚未结对');
  ws.columns = [
    { header: '名称', key: 'name', width: 28 },
    { header: '类型', key: 'kind', width: 8 },
    { header: '区划代码', key: 'code', width: 16 },
    { header: '上级', key: 'parentName', width: 20 },
    { header: '经济薄弱村', key: 'weak', width: 12 },
    { header: '意向占用名额', key: 'taken', width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const o of items) {
    ws.addRow({
      name: o.name,
      kind: kinds[o.kind],
      code: o.code ?? '',
      parentName: o.parentName ?? '',
      weak: o.weakVillage ? '是' : '否',
      taken: o.taken,
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
