import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from 'docx';
import type { QuotaView } from '@pairing/shared';
import {
  bodyParagraph,
  defaultStyles,
  exactLine,
  headingParagraph,
  pageProperties,
  run,
  sizes,
} from '../../lib/docx-style.ts';
import { chineseDate } from './dates.ts';
import type { Round } from './service.ts';

// GB/T 9704 layout (lib/docx-style.ts) with the body in 三号 and the table in 四号.
const para = (text: string, indent = true) => bodyParagraph(text, { indent });

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(text, { size: sizes.si, bold })],
      }),
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
    styles: defaultStyles(sizes.san),
    sections: [
      {
        properties: pageProperties,
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400, ...exactLine },
            children: [run(`${round.name}任务建议书`, { font: 'title', size: sizes.er })],
          }),
          para(`${quota.orgName}：`, false),
          para(
            `根据${round.name}的工作安排（${chineseDate(round.periodStart)}至${chineseDate(round.periodEnd)}），` +
              `现将你单位所属各单位本轮结对帮扶任务建议如下，请组织所属单位通过城乡结对帮扶平台` +
              `查阅郊区乡镇、村名录及需求清单，自主选择结对对象并确认结对意向。`,
          ),
          headingParagraph('一、结对任务'),
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
          headingParagraph('二、时间要求'),
          para(`${chineseDate(round.intentionDeadline)}前完成网上结对意向确认；`),
          para(`${chineseDate(round.signingDeadline)}前正式签订结对帮扶协议；`),
          para(`结对帮扶期限至${chineseDate(round.termEnd)}。`),
          headingParagraph('三、工作要求'),
          para(
            '结对帮扶经济薄弱村的，要有具体的经济帮扶要求；每个结对都要有看得见、摸得着、' +
              '有实效、可检查评估的帮扶项目。',
          ),
          ...(quota.note ? [para(quota.note)] : []),
          new Paragraph({ spacing: { before: 600, ...exactLine }, children: [] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: exactLine,
            children: [run(issuer)],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: exactLine,
            children: [run(chineseDate(issuedOn))],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
