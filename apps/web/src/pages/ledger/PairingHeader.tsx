import { App, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { ledgerApi, type PairingView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { packLabel } from '../rounds/labels.ts';
import { sideLabel, SummaryBadges, compactCard } from './labels.tsx';
import { NewRecordButton } from './NewRecordButton.tsx';

/** The pair, its term and pack, the responsible department (the unit edits it) and 记一笔. */
export function PairingHeader({
  pairing: p,
  onChanged,
}: {
  pairing: PairingView;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const phone = useIsPhone();

  const saveDepartment = async (text: string) => {
    const body = ledgerApi.setDepartment.body.safeParse({ responsibleDepartment: text });
    if (!body.success) return void message.error(body.error.issues[0].message);
    if (body.data.responsibleDepartment === p.responsibleDepartment) return;
    try {
      await call(ledgerApi.setDepartment, { params: { id: p.id }, body: body.data });
      message.success(t('common.saved'));
      onChanged();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card
      title={
        <Space size={4} wrap style={{ whiteSpace: 'normal' }}>
          <span data-testid="pairing-urban">{p.urbanOrg.name}</span>
          <span aria-hidden>↔</span>
          <span data-testid="pairing-rural">{p.ruralOrg.name}</span>
          {p.ruralOrg.weakVillage && <Tag color="red">{t('org.weakVillage')}</Tag>}
        </Space>
      }
      extra={!phone && p.abilities.record && <NewRecordButton pairingId={p.id} />}
      styles={phone ? compactCard : undefined}
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('pairing.where')}>
          {p.district.name} · {p.town.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('pairing.term')}>
          {p.termStart} — {p.termEnd}
        </Descriptions.Item>
        <Descriptions.Item label={t('pairing.pack')}>{packLabel(t, p.packId)}</Descriptions.Item>
        <Descriptions.Item label={t('pairing.round')}>{p.roundName}</Descriptions.Item>
        <Descriptions.Item label={t('pairing.department')}>
          <Typography.Text
            data-testid="pairing-department"
            editable={
              p.abilities.manageRoster
                ? {
                    text: p.responsibleDepartment,
                    onChange: (text) => void saveDepartment(text),
                    tooltip: t('common.edit'),
                  }
                : false
            }
          >
            {p.responsibleDepartment || t('pairing.noDepartment')}
          </Typography.Text>
        </Descriptions.Item>
        {p.mySide && (
          <Descriptions.Item label={t('pairing.mySide')}>
            {sideLabel(t, p.mySide)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('pairing.compliance')}>
          <Space size={[4, 4]} wrap>
            <SummaryBadges summary={p.compliance?.summary} />
            {p.compliance && (
              <Typography.Text type="secondary">
                {t('pairing.asOf', { date: p.compliance.at })}
              </Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {phone && p.abilities.record && (
        <div style={{ marginTop: 12 }}>
          <NewRecordButton pairingId={p.id} block />
        </div>
      )}
    </Card>
  );
}
