// 致流动党员的一封信 (八个一: 慰问一封信, S3 §4.1): sent every year before 七一 by the Party
// committee to each of its mobile members. One document, one letter (one page) per member, so
// each is addressed by name and can be posted on its own.
import { AlignmentType, Document, Packer, Paragraph } from 'docx';
import { bodyParagraph, defaultStyles, exactLine, run, sizes } from '../../../lib/docx-style.ts';
import { twelfthLunarMonth } from '@pairing/policy';
import { chineseDate } from '../../rounds/dates.ts';
import { officialSection, title } from './parts.ts';

export type LetterTo = {
  name: string;
  certificateNumber: string;
  destination: string;
};

const right = (text: string) =>
  new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine, children: [run(text)] });

function letter(from: string, to: LetterTo, year: number, date: string, first: boolean) {
  const lamonth = twelfthLunarMonth(year);
  return [
    title('致流动党员的一封信', !first),
    bodyParagraph(`${to.name}同志：`, { indent: false }),
    bodyParagraph(
      `在中国共产党成立${year - 1921}周年之际，${from}党组织向在${to.destination || '外地'}工作、生活的您致以节日的问候！您人在外、心系家乡，党组织也始终牵挂着您。`,
    ),
    bodyParagraph(
      '请您按照《流出党员管理协议书》的约定，每半年通过电话、书信等形式向党组织汇报一次在外的工作、思想和学习情况；结合党员公开承诺，每年为家乡群众办一件实实在在的好事；主动到流入地党组织报到，参加组织生活。',
    ),
    bodyParagraph(
      `今年腊月（${chineseDate(lamonth.from)}至${chineseDate(lamonth.to)}），党组织将召开流出党员座谈会，欢迎您返乡参加，交流在外心得，对党组织的工作提出意见和建议。`,
    ),
    bodyParagraph(
      `您的流动党员证编号为${to.certificateNumber}。在外遇到困难，请及时与党组织联系。`,
    ),
    bodyParagraph('祝您工作顺利、阖家幸福！'),
    new Paragraph({ text: '' }),
    right(`${from}党组织`),
    right(chineseDate(date)),
  ];
}

/**
 * The letters of organization `from` to every member in `to` for `year`, dated `date`; a single
 * page saying so when there is none.
 */
export function renderLetterDocx(
  from: string,
  to: LetterTo[],
  year: number,
  date: string,
): Promise<Buffer> {
  const children =
    to.length === 0
      ? [title('致流动党员的一封信'), bodyParagraph('本组织目前没有在外的流动党员。')]
      : to.flatMap((t, i) => letter(from, t, year, date, i === 0));
  const doc = new Document({
    creator: '城乡结对帮扶平台',
    title: `致流动党员的一封信（${year}年）`,
    styles: defaultStyles(sizes.san),
    sections: [officialSection(children)],
  });
  return Packer.toBuffer(doc);
}
