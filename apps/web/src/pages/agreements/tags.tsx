import { Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import type { AgreementSummary } from '@pairing/shared';

export function StatusTag({ agreement: a }: { agreement: AgreementSummary }) {
  const { t } = useI18n();
  if (a.status === 'signed')
    return (
      <Tag color="success" data-testid="agreement-status">
        {t('agreements.signed')}
      </Tag>
    );
  if (a.status === 'lapsed')
    return (
      <Tag color="warning" data-testid="agreement-status">
        {t('agreements.lapsed')}
      </Tag>
    );
  const one = a.urbanSignature || a.ruralSignature;
  return (
    <Tag color={one ? 'gold' : 'processing'} data-testid="agreement-status">
      {one ? t('agreements.partlySigned') : t('agreements.draft')}
    </Tag>
  );
}

/** Whose turn it is to edit, seen from the caller's side. */
export function TurnTag({ agreement: a }: { agreement: AgreementSummary }) {
  const { t } = useI18n();
  const holder = t(a.pen === 'urban' ? 'agreements.urbanSide' : 'agreements.ruralSide');
  if (!a.mySide) return <Tag>{t('agreements.penWith', { side: holder })}</Tag>;
  return a.pen === a.mySide ? (
    <Tag color="blue">{t('agreements.myTurn')}</Tag>
  ) : (
    <Tag>{t('agreements.theirTurn')}</Tag>
  );
}
