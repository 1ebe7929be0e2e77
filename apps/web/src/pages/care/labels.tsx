import { Tag } from 'antd';
import type { VisitState } from '@pairing/shared';
import { useI18n, type Translate } from '../../i18n/index.tsx';

/** 还有 3 天 / 就是今天 / 已过 2 天: where a festival stands from today. */
export const daysText = (t: Translate, daysLeft: number) =>
  daysLeft > 0
    ? t('care.daysLeft', { days: daysLeft })
    : daysLeft === 0
      ? t('care.today')
      : t('care.daysPast', { days: -daysLeft });

const visitColors: Record<VisitState, string> = {
  due: 'gold',
  recorded: 'green',
  overdue: 'red',
  notOwed: 'default',
};

export function VisitTag({ state }: { state: VisitState }) {
  const { t } = useI18n();
  return <Tag color={visitColors[state]}>{t(`care.visit.${state}`)}</Tag>;
}
