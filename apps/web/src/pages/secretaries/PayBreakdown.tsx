import { Descriptions, Typography } from 'antd';
import type { SecretaryPayView } from '@pairing/shared';
import { useI18n } from '../../i18n/index.tsx';
import { yuan } from '../rounds/labels.ts';

/** A year's pay, item by item as the policy computed it (R-SECRETARY-PAY), with its total. */
export function PayBreakdown({
  pay,
  standard,
  parametersFromYear,
}: {
  pay: SecretaryPayView;
  standard: number;
  parametersFromYear: number | null;
}) {
  const { t } = useI18n();
  const signed = (n: number) => (n > 0 ? `+${yuan(n)}` : n < 0 ? `−${yuan(-n)}` : yuan(0));
  return (
    <div data-testid="pay-breakdown">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('secretaries.pay.scores', {
          a: pay.scores.partyBuilding,
          b: pay.scores.development,
          s: standard,
        })}
      </Typography.Paragraph>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item
          label={t('secretaries.pay.base', { days: pay.daysInOffice, of: pay.daysInYear })}
        >
          {yuan(pay.baseSubsidy)}
        </Descriptions.Item>
        <Descriptions.Item
          label={t('secretaries.pay.points', { gained: pay.pointsGained, lost: pay.pointsLost })}
        >
          {signed(pay.pointsAdjustment)}
          {pay.deductionCapped && (
            <Typography.Text type="warning"> {t('secretaries.pay.capped')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('secretaries.pay.award')}>
          {yuan(pay.contributionAward)}
        </Descriptions.Item>
        <Descriptions.Item label={t('secretaries.pay.insurance')}>
          {yuan(pay.insuranceSubsidy)}
        </Descriptions.Item>
        <Descriptions.Item label={t('secretaries.pay.total')}>
          <strong data-testid="pay-total">{yuan(pay.total)}</strong>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('secretaries.parametersUsed', {
          source:
            parametersFromYear === null
              ? t('secretaries.parametersDocuments')
              : t('secretaries.parametersFrom', { year: parametersFromYear }),
        })}
      </Typography.Text>
    </div>
  );
}
