// R-TAX-CAP, S1 §11: 企业通过公益性社会团体、县级以上人民政府及其部门或者设立专项的农村公益基金会，
// 用于农村公益事业项目的捐款支出，不超过年度利润总额12%的部分，准予在计算企业所得税前扣除。
// So only donations through a charity (public-welfare body or foundation) or a government body
// count toward the cap; direct giving does not.
import { eligibleChannels, taxCapPercent } from '@pairing/shared';

/**
 * Unit types that pay enterprise income tax and so have a deductible cap: companies (企业) and
 * financial institutions (金融机构, banks and insurers are companies too). Government bodies,
 * public institutions, universities, institutes, hospitals, media and street communities are not
 * taxed on profit, so they enter none.
 */
export const enterpriseUnitTypes: readonly string[] = ['企业', '金融机构'];

export const isEnterprise = (unitType: string | null) =>
  unitType !== null && enterpriseUnitTypes.includes(unitType);

export const isEligibleChannel = (channel: string) =>
  (eligibleChannels as readonly string[]).includes(channel);

/**
 * The cap (12% of the year's total profit, whole yuan rounded down; none in a year of loss), the
 * deductible part of the eligible donations and the excess over the cap.
 */
export function taxCap(eligible: number, profit: number) {
  const cap = profit > 0 ? Math.floor((profit * taxCapPercent) / 100) : 0;
  const deductible = Math.min(eligible, cap);
  return { cap, deductible, excess: eligible - deductible };
}
