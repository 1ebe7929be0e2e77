// How documents and workbooks name a fund's form, channel and source (the web's are in i18n).
import type { fundChannels, fundForms, fundSources } from '@pairing/shared';

export const fundFormLabels: Record<(typeof fundForms)[number], string> = {
  cash: '资金',
  in_kind: '实物',
};

export const fundChannelLabels: Record<(typeof fundChannels)[number], string> = {
  direct: '直接捐赠',
  charity: '公益组织',
  government: '政府部门',
};

export const fundSourceLabels: Record<(typeof fundSources)[number], string> = {
  unit: '本单位',
  district_pool: '区（工作党委）统筹',
};

export const yuan = (n: number) => n.toLocaleString('en-US');
