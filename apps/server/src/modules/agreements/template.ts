// The draft a new agreement starts from, per policy pack. Figures come from the pack's rules
// (R-VISIT-LEAD, R-VISIT-PRINCIPAL, R-WEAK-FUNDS), so a pack change changes the template too.
import { PACKS, yearlyMinimums, type PackId } from '@pairing/policy';
import type { AgreementContent } from '@pairing/shared';

type Commitment = AgreementContent['commitments'][number];

const commitmentsByPack: Record<PackId, readonly Commitment[]> = {
  'sh-2010': [
    {
      side: 'urban',
      text: '围绕结对村发展需求，落实看得见、摸得着、有实效、可检查评估的帮扶项目。',
    },
    { side: 'urban', text: '按协议安排帮扶资金，专款专用，并定期了解资金使用情况。' },
    { side: 'rural', text: '将帮扶资金和项目纳入村务公开，定期向帮扶单位反馈使用情况。' },
    { side: 'rural', text: '建立帮扶工作台账，如实记录走访和项目实施情况。' },
  ],
  'ah-2011': [
    { side: 'urban', text: '每年与结对村共同开展“六个一”活动，实现资源共享、活动互联。' },
    { side: 'rural', text: '每年制定结对共建工作要点并作出公开承诺。' },
  ],
  'town-2010': [
    { side: 'urban', text: '每年为结对村党员上一堂党课，与村“两委”成员和党员座谈1—2次。' },
    { side: 'urban', text: '每季度向上级党委报告结对工作情况。' },
    { side: 'rural', text: '配合开展“1+2”结对帮扶，建立帮扶档案。' },
  ],
};

type RuleOf = { id: string; min?: number };

function ruleMin(packId: PackId, ruleId: string): number | undefined {
  const rules: readonly RuleOf[] = PACKS[packId].rules;
  return rules.find((r) => r.id === ruleId)?.min;
}

export type TemplateInput = {
  packId: PackId;
  termStart: string;
  termEnd: string;
  weakVillage: boolean;
  urbanContact: { name: string | null; phone: string | null };
  ruralContact: { name: string | null; phone: string | null };
};

export function draftFromTemplate(input: TemplateInput): AgreementContent {
  const leadVisits = ruleMin(input.packId, 'R-VISIT-LEAD') ?? 0;
  const principal = ruleMin(input.packId, 'R-VISIT-PRINCIPAL');
  const weakMin = input.weakVillage ? (ruleMin(input.packId, 'R-WEAK-FUNDS') ?? 0) : 0;
  const years = yearlyMinimums(weakMin, input.termStart, input.termEnd);
  return {
    commitments: commitmentsByPack[input.packId].map((c) => ({ ...c })),
    projects: [],
    yearlyFunds: years.map(({ year, required }) => ({ year, amount: required })),
    visitPlan: years.map(({ year }, index) => ({
      year,
      leadVisits,
      note: [
        leadVisits > 0 ? `分管领导和具体负责部门全年走访不少于${leadVisits}次` : '',
        index === 0 && principal
          ? `党委主要领导和班子成员在协议期内各走访不少于${principal}次`
          : '',
      ]
        .filter(Boolean)
        .join('；'),
    })),
    contacts: {
      urban: {
        name: input.urbanContact.name ?? '',
        title: '',
        phone: input.urbanContact.phone ?? '',
      },
      rural: {
        name: input.ruralContact.name ?? '',
        title: '',
        phone: input.ruralContact.phone ?? '',
      },
    },
  };
}
