// The policy pack's conditions on an agreement's text (packages/policy), as the writes refuse them.
import { PACK_IDS, checkSigning, type PackId } from '@pairing/policy';
import type { AgreementContent } from '@pairing/shared';
import { AppError, invalid } from '../../lib/errors.ts';
import type { LoadedAgreement } from './row.ts';

export function asPackId(id: string): PackId {
  if (!(PACK_IDS as string[]).includes(id)) throw invalid(`未知的政策包：${id}`);
  return id as PackId;
}

/** What still stands between the current text and a signature (R-PROJECT, R-FUNDS-*). */
export function signingIssues(row: LoadedAgreement) {
  const a = row.agreement;
  return checkSigning(asPackId(a.packId), {
    weakVillage: row.weakVillage,
    termStart: a.termStart,
    termEnd: a.termEnd,
    yearlyFunds: a.content.yearlyFunds,
    projects: a.content.projects,
  });
}

export function signingRulesFailed(issues: ReturnType<typeof checkSigning>) {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    fields[issue.path] =
      issue.ruleId === 'R-PROJECT'
        ? `至少需要 ${issue.required} 个在协议期内、有可检查验收指标的帮扶项目`
        : `${issue.year}年帮扶资金不少于 ${issue.required} 元（经济薄弱村，按协议期内天数折算），现为 ${issue.actual} 元`;
  }
  return new AppError(422, 'signing_rules_failed', '协议不符合签署条件', fields);
}

/** Every dated row of the text lies within the agreement's term. */
export function assertTermYears(content: AgreementContent, termStart: string, termEnd: string) {
  const first = Number(termStart.slice(0, 4));
  const last = Number(termEnd.slice(0, 4));
  const fields: Record<string, string> = {};
  const check = (key: string, rows: { year: number }[]) =>
    rows.forEach((r, i) => {
      if (r.year < first || r.year > last) {
        fields[`${key}.${i}.year`] = `年份须在协议期内（${first}—${last}年）`;
      }
    });
  check('projects', content.projects);
  check('yearlyFunds', content.yearlyFunds);
  check('visitPlan', content.visitPlan);
  if (Object.keys(fields).length > 0) throw invalid('年份不在协议期内', fields);
}
