import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { chineseDate } from './dates.ts';
import type { QuotaView } from './quotas.ts';
import type { Round } from './service.ts';

// Layout of Party and government documents (GB/T 9704-2012): title in 2号小标宋, body in 3号仿宋,
// 28-point fixed line spacing, margins 37/35/28/26 mm, first-line indent of two characters.
const title = '方正小标宋简体';
const body = '仿宋_GB2312';
const heading = '黑体';
const size3 = 32;
const size2 = 44;
const mm = (v: number) => Math.round((v / 25.4) * 1440);
const line = { line: 560, lineRule: LineRuleType.EXACT };

const run = (text: string, font = body, size = size3, bold = false) =>
  new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold });

const para = (text: string, indent = true) =>
  new Paragraph({
    children: [run(text)],
    spacing: line,
    indent: indent ? { firstLine: 640 } : undefined,
    alignment: AlignmentType.JUSTIFIED,
  });

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, body, 28, bold)] }),
    ],
    width: { size: 25, type: WidthType.PERCENTAGE },
  });

/** 任务建议书 (R-QUOTA) for one district or working committee, as a Word document. */
export async function quotaLetter(input: {
  round: Round;
  quota: QuotaView;
  issuer: string;
  issuedOn: string;
}) {
  const { round, quota, issuer, issuedOn } = input;
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const doc = new Document({
    creator: issuer,
    title: `${round.name}任务建议书`,
    styles: { default: { document: { run: { font: body, size: size3 } } } },
    sections: [
      {
        properties: {
          page: { margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400, ...line },
            children: [run(`${round.name}任务建议书`, title, size2)],
          }),
          para(`${quota.orgName}：`, false),
          para(
            `根据${round.name}的工作安排（${chineseDate(round.periodStart)}至${chineseDate(round.periodEnd)}），` +
              `现将你单位所属各单位本轮结对帮扶任务建议如下，请组织所属单位通过城乡结对帮扶平台` +
              `查阅郊区乡镇、村名录及需求清单，自主选择结对对象并确认结对意向。`,
          ),
          new Paragraph({
            spacing: line,
            children: [run('一、结对任务', heading)],
            indent: { firstLine: 640 },
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: {
              top: border,
              bottom: border,
              left: border,
              right: border,
              insideHorizontal: border,
              insideVertical: border,
            },
            rows: [
              new TableRow({
                tableHeader: true,
                children: [
                  cell('单位', true),
                  cell('乡镇（个）', true),
                  cell('行政村（个）', true),
                  cell('其中经济薄弱村（个）', true),
                ],
              }),
              new TableRow({
                children: [
                  cell(quota.orgName),
                  cell(String(quota.towns)),
                  cell(String(quota.villages)),
                  cell(String(quota.weakVillages)),
                ],
              }),
            ],
          }),
          new Paragraph({
            spacing: line,
            children: [run('二、时间要求', heading)],
            indent: { firstLine: 640 },
          }),
          para(`${chineseDate(round.intentionDeadline)}前完成网上结对意向确认；`),
          para(`${chineseDate(round.signingDeadline)}前正式签订结对帮扶协议；`),
          para(`结对帮扶期限至${chineseDate(round.termEnd)}。`),
          new Paragraph({
            spacing: line,
            children: [run('三、工作要求', heading)],
            indent: { firstLine: 640 },
          }),
          para(
            '结对帮扶经济薄弱村的，要有具体的经济帮扶要求；每个结对都要有看得见、摸得着、' +
              '有实效、可检查评估的帮扶项目。',
          ),
          ...(quota.note ? [para(quota.note)] : []),
          new Paragraph({ spacing: { before: 600, ...line }, children: [] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: line, children: [run(issuer)] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: line,
            children: [run(chineseDate(issuedOn))],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
