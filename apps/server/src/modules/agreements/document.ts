// 城乡党组织结对帮扶协议书 as a .docx for the paper file, with page numbers.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  bodyParagraph,
  defaultStyles,
  exactLine,
  fonts,
  headingParagraph,
  pageProperties,
  run,
  sizes,
} from '../../lib/docx-style.ts';
import { chinaDay, chineseDate } from '../rounds/dates.ts';
import type { LoadedAgreement } from './row.ts';

// GB/T 9704 layout (lib/docx-style.ts); a long document, so the body is in 四号, tables in 小四.
const bodySize = sizes.si;
const tableSize = sizes.xiaoSi;

const yuan = new Intl.NumberFormat('zh-CN');

const para = (text: string, opts: { bold?: boolean; indent?: boolean } = {}) =>
  bodyParagraph(text, { ...opts, size: bodySize });

const section = (text: string) => headingParagraph(text, bodySize);

function cell(text: string, opts: { header?: boolean; width?: number } = {}) {
  return new TableCell({
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    children: [
      new Paragraph({
        alignment: opts.header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(text, { size: tableSize, bold: opts.header })],
      }),
    ],
  });
}

function table(header: string[], widths: number[], rows: string[][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) => cell(h, { header: true, width: widths[i] })),
      }),
      ...rows.map(
        (r) => new TableRow({ children: r.map((text, i) => cell(text, { width: widths[i] })) }),
      ),
    ],
  });
}

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function signatureBlock(row: LoadedAgreement) {
  const a = row.agreement;
  const column = (party: string, org: string, signer: string | null, at: Date | null) => [
    `${party}（盖章）：${org}`,
    `授权签署人：${signer ?? ''}`,
    `签署日期：${at ? chineseDate(chinaDay(at)) : '    年  月  日'}`,
  ];
  const left = column('甲方', row.urbanName, row.urbanSignerName, a.urbanSignedAt);
  const right = column('乙方', row.ruralName, row.ruralSignerName, a.ruralSignedAt);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: left.map(
      (text, i) =>
        new TableRow({
          children: [
            new TableCell({ borders: noBorders, children: [para(text, { indent: false })] }),
            new TableCell({ borders: noBorders, children: [para(right[i], { indent: false })] }),
          ],
        }),
    ),
  });
}

export async function renderAgreementDocx(row: LoadedAgreement): Promise<Buffer> {
  const a = row.agreement;
  const c = a.content;
  const amendment = a.amendsId !== null;
  const commitments = (side: 'urban' | 'rural') =>
    c.commitments.filter((x) => x.side === side).map((x, i) => para(`${i + 1}. ${x.text}`));
  const contact = (party: string, org: string, p: (typeof c.contacts)['urban']) =>
    para(
      `${party}联系人：${p.name || '—'}${p.title ? `（${p.title}）` : ''}\u3000电话：${p.phone || '—'}\u3000单位：${org}`,
    );
  const total = c.yearlyFunds.reduce((sum, f) => sum + f.amount, 0);

  const doc = new Document({
    creator: '城乡结对帮扶平台',
    title: '城乡党组织结对帮扶协议书',
    styles: defaultStyles(bodySize),
    sections: [
      {
        properties: pageProperties,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    font: fonts.body,
                    size: tableSize,
                    children: ['— ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES, ' —'],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400, ...exactLine },
            children: [run('城乡党组织结对帮扶协议书', { font: 'title', size: sizes.er })],
          }),
          ...(amendment
            ? [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [run(`（补充协议，变更第 ${a.amendsId} 号协议）`, { size: sizes.san })],
                }),
              ]
            : []),
          para(`甲方（帮扶方）：${row.urbanName}`, { indent: false }),
          para(`乙方（受援方）：${row.ruralName}${row.weakVillage ? '（经济薄弱村）' : ''}`, {
            indent: false,
          }),
          para(
            '为贯彻落实城乡党组织结对帮扶工作要求，推动城乡统筹发展，经甲乙双方协商一致，签订本协议。',
          ),
          section('一、协议期限'),
          para(`本协议期限自${chineseDate(a.termStart)}起至${chineseDate(a.termEnd)}止。`),
          section('二、双方承诺'),
          para('（一）甲方承诺', { bold: true }),
          ...commitments('urban'),
          para('（二）乙方承诺', { bold: true }),
          ...commitments('rural'),
          section('三、帮扶项目'),
          table(
            ['序号', '项目名称', '项目目标', '年度', '预算（元）', '验收指标'],
            [8, 20, 28, 10, 14, 20],
            c.projects.map((p, i) => [
              String(i + 1),
              p.title,
              p.target,
              String(p.year),
              yuan.format(p.budget),
              p.indicator
                ? `${p.indicator.description}（${p.indicator.quantity}${p.indicator.unit}）`
                : '—',
            ]),
          ),
          section('四、年度帮扶资金'),
          table(
            ['年度', '金额（元）'],
            [50, 50],
            [
              ...c.yearlyFunds.map((f) => [`${f.year}年`, yuan.format(f.amount)]),
              ['合计', yuan.format(total)],
            ],
          ),
          section('五、走访计划'),
          table(
            ['年度', '走访次数', '说明'],
            [20, 20, 60],
            c.visitPlan.map((v) => [`${v.year}年`, String(v.leadVisits), v.note]),
          ),
          section('六、联系人'),
          contact('甲方', row.urbanName, c.contacts.urban),
          contact('乙方', row.ruralName, c.contacts.rural),
          section('七、其他'),
          para(
            '本协议一式两份，甲乙双方各执一份，自双方签署之日起生效。协议执行情况纳入年度基层党建工作责任制考核。',
          ),
          new Paragraph({ text: '' }),
          signatureBlock(row),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
