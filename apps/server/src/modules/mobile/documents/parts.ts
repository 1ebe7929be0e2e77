// Pieces both mobile-member documents share: the GB/T 9704 frame (lib/docx-style.ts) with page
// numbers, the title, and the reason labels.
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { MobileReason } from '@pairing/shared';
import { exactLine, fonts, pageProperties, run, sizes } from '../../../lib/docx-style.ts';

export const reasonLabels: Record<MobileReason, string> = {
  work: '务工',
  business: '经商',
  study: '学习',
  other: '其他',
};

export const title = (text: string, pageBreakBefore = false) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore,
    spacing: { after: 400, ...exactLine },
    children: [run(text, { font: 'title', size: sizes.er })],
  });

/** A section in the official layout with `— n / m —` centred at the foot of each page. */
export const officialSection = (children: ISectionOptions['children']): ISectionOptions => ({
  properties: pageProperties,
  footers: {
    default: new Footer({
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
    }),
  },
  children,
});
