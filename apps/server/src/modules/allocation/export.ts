import type { AllocationPairView, AllocationRunView } from '@pairing/shared';
import ExcelJS from 'exceljs';

// The plan as a workbook for offline review (issue 13 item 4): one row per pair in the caller's
// scope, Chinese headers, filters on the header row.

const statusText: Record<AllocationPairView['status'], string> = {
  proposed: '建议',
  locked: '已锁定',
  removed: '已移除',
};

const intentionText: Record<NonNullable<AllocationPairView['intentionState']>, string> = {
  pending: '待确认',
  accepted: '双方已确认',
  declined: '已婉拒',
  withdrawn: '已撤回',
};

const confirmation = (p: AllocationPairView) => {
  if (!p.intentionState) return '未发布';
  if (p.intentionState !== 'pending') return intentionText[p.intentionState];
  const sides = [p.urbanConfirmed && '单位已确认', p.ruralConfirmed && '村已确认'].filter(Boolean);
  return sides.length ? sides.join('，') : '待双方确认';
};

const columns: Array<{ header: string; width: number; cell: (p: AllocationPairView) => unknown }> =
  [
    { header: '区县', width: 12, cell: (p) => p.districtName ?? '' },
    { header: '村（镇）', width: 20, cell: (p) => p.ruralOrgName },
    { header: '代码', width: 15, cell: (p) => p.ruralOrgCode ?? '' },
    { header: '经济薄弱村', width: 10, cell: (p) => (p.weakVillage ? '是' : '否') },
    { header: '结对单位', width: 30, cell: (p) => p.urbanOrgName },
    { header: '替换前单位', width: 24, cell: (p) => p.swappedFromName ?? '' },
    { header: '成本', width: 8, cell: (p) => p.cost },
    { header: '成本说明', width: 80, cell: (p) => p.reasonText },
    { header: '建议状态', width: 10, cell: (p) => statusText[p.status] },
    { header: '确认情况', width: 20, cell: (p) => confirmation(p) },
  ];

export async function planWorkbook(view: AllocationRunView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '城乡结对帮扶平台';
  const sheet = workbook.addWorksheet('分配方案');
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const p of view.pairs) sheet.addRow(columns.map((c) => c.cell(p)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
