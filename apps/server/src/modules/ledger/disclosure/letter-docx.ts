// The donor letter as a .docx in the GB/T 9704 layout, body in 三号 like the other letters.
import { Document, Packer } from 'docx';
import {
  bodyParagraph,
  defaultStyles,
  headingParagraph,
  pageProperties,
  sizes,
} from '../../../lib/docx-style.ts';
import { chineseDate } from '../../rounds/dates.ts';
import type { DonorLetterData } from './donor-letter.ts';
import { signature, table, title } from './docx-parts.ts';
import { fundChannelLabels, fundFormLabels, yuan } from './labels.ts';

const para = (text: string, indent = true) => bodyParagraph(text, { indent });

export const donorLetterTitle = '结对帮扶资金使用情况反馈函';

export async function renderDonorLetter(data: DonorLetterData): Promise<Buffer> {
  const { pairing, year, today, funds } = data;
  const received = funds.reduce((sum, f) => sum + f.amount, 0);
  const used = funds.reduce((sum, f) => sum + f.used, 0);
  const uses = funds.flatMap((f) =>
    f.uses.map((u) => [
      chineseDate(u.date),
      `${chineseDate(f.date)}到账：${f.purpose}`,
      u.purpose,
      yuan(u.amount),
    ]),
  );
  const receivedPart = funds.length
    ? [
        para(
          `${year}年，我村共收到帮扶资金（实物按折价计）${yuan(received)}元，共${funds.length}笔，明细如下：`,
        ),
        table(
          ['到账日期', '来源', '形式', '渠道', '项目', '用途', '金额（元）'],
          [14, 18, 8, 12, 16, 18, 14],
          funds.map((f) => [
            chineseDate(f.date),
            f.donor,
            fundFormLabels[f.form],
            fundChannelLabels[f.channel],
            f.project ?? '—',
            f.purpose,
            yuan(f.amount),
          ]),
        ),
      ]
    : [para(`${year}年，我村没有经双方确认计入台账的帮扶资金。`)];
  const usedPart = funds.length
    ? [
        ...(uses.length
          ? [table(['使用日期', '对应资金', '用途', '金额（元）'], [18, 32, 32, 18], uses)]
          : [para('上述资金尚未登记使用。')]),
        para(
          `截至${chineseDate(today)}，上述资金已使用${yuan(used)}元，结余${yuan(received - used)}元。` +
            '结余资金将按协议约定的项目和用途继续使用，并在村务公开栏公布。',
        ),
      ]
    : [para('本年度无资金使用。')];

  const doc = new Document({
    creator: pairing.ruralName,
    title: donorLetterTitle,
    styles: defaultStyles(sizes.san),
    sections: [
      {
        properties: pageProperties,
        children: [
          title(donorLetterTitle),
          para(`${pairing.urbanName}：`, false),
          para(
            `感谢贵单位对${pairing.ruralName}的结对帮扶。按照帮扶资金纳入村务公开、定期向援助单位反馈使用情况的要求，` +
              `现将${year}年帮扶资金的到账和使用情况函告如下。`,
          ),
          headingParagraph('一、资金到账情况'),
          ...receivedPart,
          headingParagraph('二、资金使用情况'),
          ...usedPart,
          headingParagraph('三、致谢'),
          para(
            '衷心感谢贵单位的关心和支持！我村将继续管好用好每一笔帮扶资金，按时公开、定期反馈，欢迎贵单位监督指导。',
          ),
          ...signature(pairing.ruralName, today, sizes.san),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
