// 流出党员管理协议书 (八个一: 管理一协议, S3 §4.1): signed by the member and his Party branch
// before he leaves; both promise what the 八个一 ask of them.
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
import { bodyParagraph, defaultStyles, headingParagraph, sizes } from '../../../lib/docx-style.ts';
import { chineseDate } from '../../rounds/dates.ts';
import { queryAnswerDays } from '../commands/ask.ts';
import { officialSection, reasonLabels, title } from './parts.ts';
import type { MemberRow } from '../access.ts';

// A long document: the body in 四号, like the pairing agreement.
const size = sizes.si;
const para = (text: string, indent = true) => bodyParagraph(text, { size, indent });
const blank = '    年  月  日';

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};

function signatures(row: MemberRow, name: string) {
  const signed = row.agreementSignedOn ? chineseDate(row.agreementSignedOn) : blank;
  const left = [`甲方（盖章）：${row.outflowName}`, '党组织书记（签字）：', `日期：${signed}`];
  const right = [
    `乙方（签字）：${name}`,
    `流动党员证编号：${row.certificateNumber}`,
    `日期：${signed}`,
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: left.map(
      (text, i) =>
        new TableRow({
          children: [text, right[i]].map(
            (t) => new TableCell({ borders: noBorders, children: [para(t, false)] }),
          ),
        }),
    ),
  });
}

export function renderAgreementDocx(row: MemberRow, name: string): Promise<Buffer> {
  const numbered = (items: string[]) => items.map((text, i) => para(`${i + 1}. ${text}`));
  const doc = new Document({
    creator: '城乡结对帮扶平台',
    title: '流出党员管理协议书',
    styles: defaultStyles(size),
    sections: [
      officialSection([
        title('流出党员管理协议书'),
        para(`甲方（流出地党组织）：${row.outflowName}`, false),
        para(`乙方（流出党员）：${name}\u3000流动党员证编号：${row.certificateNumber}`, false),
        para(
          `外出原因：${reasonLabels[row.reason]}\u3000外出去向：${row.destination || '—'}\u3000外出日期：${row.leaveDate ? chineseDate(row.leaveDate) : blank}`,
          false,
        ),
        para(
          '为加强流出党员的教育、管理和服务，做到流出党员管理规范化、制度化，使党员人在外、心不离党，经甲乙双方协商，签订本协议，双方共同履行承诺事项。',
        ),
        headingParagraph('一、乙方承诺（“八个一”）', size),
        ...numbered([
          '登记一个证：外出前到甲方登记，持流动党员证外出，到流入地党组织报到，参加组织生活。',
          '外出一培训：外出前参加甲方组织的培训，学习政策法规、务工技能和外出创业注意事项。',
          '半年一汇报：每半年（6月30日、12月31日前）通过电话、书信等形式向甲方汇报一次在外的工作、思想和学习情况。',
          '带动一帮人：在外创业有成的，带领家乡群众外出创业，回乡后带动家乡能人创业。',
          '好事一件实：结合党员公开承诺，每年至少为家乡群众办一件看得见、摸得着、有成效的好事。',
          '慰问一封信：保持与甲方的联系，通信地址、联系方式变动时及时告知甲方。',
          '腊月一座谈：每年腊月返乡期间参加甲方召开的流出党员座谈会，交流在外心得，对党组织工作提出意见和建议。',
          '管理一协议：遵守本协议，接受甲方和流入地党组织的双重管理。',
        ]),
        headingParagraph('二、甲方承诺', size),
        ...numbered([
          '为乙方办理流动党员证，组织外出前培训。',
          '每年“七一”前夕给乙方寄发一封慰问信，通报党组织工作思路、核心任务和取得的成效。',
          '每年腊月组织流出党员座谈会，进行党组织述职，接受评议，听取意见和建议。',
          `与流入地党组织保持联系，在${queryAnswerDays}日内答复流入地党组织对乙方情况的查询。`,
          '关心乙方及其家庭，帮助解决在外工作、生活中遇到的困难。',
        ]),
        headingParagraph('三、其他', size),
        para(
          '本协议一式两份，甲乙双方各执一份，自双方签订之日起生效，至乙方返乡、结束流动时终止。',
        ),
        new Paragraph({ alignment: AlignmentType.LEFT, text: '' }),
        signatures(row, name),
      ]),
    ],
  });
  return Packer.toBuffer(doc);
}
