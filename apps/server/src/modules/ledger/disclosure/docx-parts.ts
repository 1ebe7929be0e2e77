// Pieces the ledger's documents share on top of lib/docx-style.ts (GB/T 9704): a bordered table
// in 小四, the centred title, the page-number footer and the signature lines.
import {
  AlignmentType,
  BorderStyle,
  Footer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { exactLine, fonts, run, sizes } from '../../../lib/docx-style.ts';
import { chineseDate } from '../../rounds/dates.ts';

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

function cell(text: string, width: number, header: boolean) {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(text, { size: sizes.xiaoSi, bold: header })],
      }),
    ],
  });
}

/** A table with a repeated header row; `widths` in percent of the text width. */
export function table(header: string[], widths: number[], rows: string[][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) => cell(h, widths[i], true)),
      }),
      ...rows.map(
        (r) => new TableRow({ children: r.map((text, i) => cell(text, widths[i], false)) }),
      ),
    ],
  });
}

export const title = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 400, ...exactLine },
    children: [run(text, { font: 'title', size: sizes.er })],
  });

export const pageNumberFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            font: fonts.body,
            size: sizes.xiaoSi,
            children: ['— ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES, ' —'],
          }),
        ],
      }),
    ],
  });

/** The issuer and the date, right-aligned below a blank line, as a letter ends. */
export const signature = (issuer: string, day: string, size: number) => [
  new Paragraph({ spacing: { before: 600, ...exactLine }, children: [] }),
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: exactLine,
    children: [run(issuer, { size })],
  }),
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: exactLine,
    children: [run(chineseDate(day), { size })],
  }),
];
