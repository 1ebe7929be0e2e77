import { Descriptions } from 'antd';
import type { DepartureAllowanceView } from '@pairing/shared';
import { useI18n } from '../../i18n/index.tsx';
import { yuan } from '../rounds/labels.ts';

/** The allowance computed on leaving office, with the service it was computed from. */
export function AllowanceView({ allowance: a }: { allowance: DepartureAllowanceView }) {
  const { t } = useI18n();
  return (
    <Descriptions
      column={1}
      size="small"
      title={t('secretaries.allowance')}
      data-testid="allowance"
    >
      <Descriptions.Item label={t(`secretaries.allowance.${a.kind}`)}>
        <strong>{yuan(a.amount)}</strong>
        {a.countedHalfYears !== null &&
          `（${t('secretaries.allowance.countedYears', { years: a.countedHalfYears / 2 })}）`}
      </Descriptions.Item>
      {a.firstYearAmount !== null && (
        <Descriptions.Item label={t('secretaries.allowance.firstYear')}>
          {yuan(a.firstYearAmount)}
        </Descriptions.Item>
      )}
      {a.yearlyAmountNow !== null && a.yearlyAmountNow !== a.amount && (
        <Descriptions.Item label={t('secretaries.allowance.now')}>
          {yuan(a.yearlyAmountNow)}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('secretaries.terms')}>
        {t('secretaries.service', {
          cy: a.continuous.years,
          cd: a.continuous.days,
          from: a.continuousFrom,
          ty: a.cumulative.years,
          td: a.cumulative.days,
        })}
      </Descriptions.Item>
    </Descriptions>
  );
}
