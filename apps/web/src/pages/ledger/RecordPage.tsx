import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { ledgerApi, type RecordView } from '@pairing/shared';
import { ApiError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { dateTime } from './dates.ts';
import { EvidenceGallery } from './EvidenceGallery.tsx';
import { FundUses } from './FundUses.tsx';
import { RecordStateTag, RecordTypeTag, sideLabel, compactCard } from './labels.tsx';
import { RecordActions } from './RecordActions.tsx';
import { RecordContent } from './RecordContent.tsx';

/** One record: what it says, its photos, where it stands (who confirmed, objected, settled). */
export default function RecordPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const phone = useIsPhone();
  const { data, error, loading } = useRequest(
    () => call(ledgerApi.getRecord, { params: { id: Number(id) } }),
    [id],
  );
  // An action answers the record as it now stands.
  const [changed, setChanged] = useState<RecordView | null>(null);
  const shown = changed?.id === Number(id) ? changed : data;

  if (loading && !shown) return <Spin size="large" className="app-page-spin" />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('record.notFound')} />;
  if (error || !shown) return <Alert type="error" showIcon title={error?.message} />;
  const r = shown;
  const padding = phone ? compactCard : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space size={4} wrap>
            <RecordTypeTag type={r.content.type} />
            <span>{r.content.date}</span>
            <RecordStateTag state={r.state} />
          </Space>
        }
        extra={<Link to={`/pairings/${r.pairingId}?tab=records`}>{t('record.toPairing')}</Link>}
        styles={padding}
      >
        <RecordContent record={r} />
        {/* The recording side gathers a visit's or activity's people by QR code while it can still change. */}
        {(r.content.type === 'visit' || r.content.type === 'activity') && r.abilities.attach && (
          <Link to={`/records/${r.id}/checkin`}>
            <Button
              icon={<QrcodeOutlined />}
              style={{ marginTop: 12 }}
              data-testid="record-checkin"
            >
              {t('checkin.panelTitle')}
            </Button>
          </Link>
        )}
      </Card>
      <Card size="small" title={t('record.evidence')} styles={padding}>
        <EvidenceGallery evidence={r.evidence} mismatch={r.photoDateMismatch} />
      </Card>
      {r.content.type === 'fund' && <FundUses recordId={r.id} />}
      <Card size="small" title={t('record.progress')} styles={padding}>
        <StateDetails record={r} />
      </Card>
      <RecordActions record={r} onChanged={setChanged} />
    </Space>
  );
}

function StateDetails({ record: r }: { record: RecordView }) {
  const { t } = useI18n();
  return (
    <Descriptions column={1} size="small" data-testid="record-state">
      <Descriptions.Item label={t('record.state')}>
        <Space size={4} wrap>
          <RecordStateTag state={r.state} />
          <Typography.Text type="secondary">{t(`recordStateHint.${r.state}`)}</Typography.Text>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('record.enteredBy')}>
        {t('record.byAt', {
          by: `${sideLabel(t, r.side)} ${r.enteredBy}`,
          at: dateTime(r.enteredAt),
        })}
      </Descriptions.Item>
      {r.confirmedAt && (
        <Descriptions.Item label={t('record.confirmedAt')}>
          {dateTime(r.confirmedAt)}
        </Descriptions.Item>
      )}
      {r.objection && (
        <Descriptions.Item label={t('record.objection')}>
          <Space orientation="vertical" size={0}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{r.objection.reason}</span>
            <Typography.Text type="secondary">
              {t('record.byAt', { by: r.objection.by, at: dateTime(r.objection.at) })}
            </Typography.Text>
          </Space>
        </Descriptions.Item>
      )}
      {r.settlement && (
        <Descriptions.Item label={t('record.settlement')}>
          <Space orientation="vertical" size={0}>
            <span>
              {t(`record.decision.${r.settlement.decision}`)}
              {r.settlement.note && `：${r.settlement.note}`}
            </span>
            <Typography.Text type="secondary">{dateTime(r.settlement.at)}</Typography.Text>
          </Space>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('record.countsLabel')}>
        {r.counts
          ? t('record.countsSince', { date: r.countsFrom ?? '' })
          : r.countsFrom
            ? t('record.countsFrom', { date: r.countsFrom })
            : t('record.notCounting')}
      </Descriptions.Item>
    </Descriptions>
  );
}
