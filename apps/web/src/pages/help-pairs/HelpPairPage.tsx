import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Image,
  List,
  Result,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import {
  ArrowLeftOutlined,
  CheckOutlined,
  EditOutlined,
  StopOutlined,
  TeamOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { helpPairsApi, type HelpPairDetail, type HelpRecordView } from '@pairing/shared';
import { ApiError, call } from '../../api/client.ts';
import { ActionBar } from '../../components/ActionBar.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { personLabel, StateTag } from './labels.tsx';
import {
  AssignModal,
  ConcludeModal,
  PlanModal,
  RecordModal,
  WithdrawModal,
} from './PairActions.tsx';

type Dialog = 'assign' | 'plan' | 'record' | 'conclude' | 'withdraw' | null;

/** One "1+2" pair: its people, plan, help records with photos, outcome, and what the caller may do. */
export default function HelpPairPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { data, error, loading, reload } = useRequest(
    () => call(helpPairsApi.get, { params: { id: Number(id) } }),
    [id],
  );
  if (loading && !data) return <Spin size="large" className="app-page-spin" />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('helpPairs.notFound')} />;
  if (error || !data) return <Alert type="error" showIcon title={error?.message} />;
  const p = data;
  const done = () => {
    setDialog(null);
    reload();
  };
  const can = p.abilities;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('helpPairs.title')}
        extra={
          <Link to="/help-pairs" aria-label={t('helpPairs.back')}>
            <ArrowLeftOutlined />
          </Link>
        }
      >
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('helpPairs.pairing')}>
            {p.urbanOrg.name} ↔ {p.ruralOrg.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('helpPairs.state')}>
            <StateTag state={p.state} />
          </Descriptions.Item>
          <Descriptions.Item label={t('helpPairs.member')}>
            {personLabel(p.member)}
          </Descriptions.Item>
          <Descriptions.Item label={t('helpPairs.resident')}>
            {personLabel(p.resident)}
          </Descriptions.Item>
          <Descriptions.Item label={t('helpPairs.cadre')}>
            <span data-testid="help-pair-cadre">
              {p.cadre ? personLabel(p.cadre) : t('helpPairs.noCadre')}
            </span>
          </Descriptions.Item>
          {p.note && (
            <Descriptions.Item label={t('helpPairs.noteLabel')}>{p.note}</Descriptions.Item>
          )}
          {p.withdrawReason && (
            <Descriptions.Item label={t('helpPairs.withdrawReason')}>
              {p.withdrawReason}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <PlanCard pair={p} />
      {p.outcome && (
        <Card title={t('helpPairs.outcome')} data-testid="help-outcome">
          <Space orientation="vertical">
            <span>
              {t('helpPairs.income', {
                before: p.outcome.incomeBefore,
                after: p.outcome.incomeAfter,
              })}
            </span>
            <span>
              {t('helpPairs.outOfDifficulty')}：
              {p.outcome.outOfDifficulty ? t('common.yes') : t('common.no')} ·{' '}
              {p.outcome.concludedOn}
            </span>
            {p.outcome.summary && <Typography.Paragraph>{p.outcome.summary}</Typography.Paragraph>}
          </Space>
        </Card>
      )}
      <Card title={t('helpPairs.records')}>
        <RecordList records={p.helpRecords} />
      </Card>
      {(can.assign || can.plan || can.record || can.conclude || can.withdraw) && (
        <ActionBar>
          {can.record && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog('record')}
              data-testid="help-record"
            >
              {t('helpPairs.record')}
            </Button>
          )}
          {can.assign && (
            <Button
              type="primary"
              icon={<TeamOutlined />}
              onClick={() => setDialog('assign')}
              data-testid="help-assign"
            >
              {t('helpPairs.assign')}
            </Button>
          )}
          {can.plan && (
            <Button
              icon={<EditOutlined />}
              onClick={() => setDialog('plan')}
              data-testid="help-plan"
            >
              {t('helpPairs.editPlan')}
            </Button>
          )}
          {can.conclude && (
            <Button
              icon={<CheckOutlined />}
              onClick={() => setDialog('conclude')}
              data-testid="help-conclude"
            >
              {t('helpPairs.conclude')}
            </Button>
          )}
          {can.withdraw && (
            <Button danger icon={<StopOutlined />} onClick={() => setDialog('withdraw')}>
              {t('helpPairs.withdraw')}
            </Button>
          )}
        </ActionBar>
      )}
      {dialog === 'assign' && (
        <AssignModal pair={p} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'plan' && <PlanModal pair={p} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'record' && (
        <RecordModal pair={p} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'conclude' && (
        <ConcludeModal pair={p} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'withdraw' && (
        <WithdrawModal pair={p} onClose={() => setDialog(null)} onDone={done} />
      )}
    </Space>
  );
}

function PlanCard({ pair }: { pair: HelpPairDetail }) {
  const { t } = useI18n();
  const plan = pair.plan;
  return (
    <Card title={t('helpPairs.plan')} data-testid="help-plan-card">
      {!plan ? (
        <Typography.Text type="secondary">{t('helpPairs.noPlan')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('helpPairs.period')}：{plan.startDate} — {plan.endDate}
          </Typography.Text>
          <strong>{t('helpPairs.measures')}</strong>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {plan.measures.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ol>
          <strong>{t('helpPairs.targets')}</strong>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {plan.targets.map((target, i) => (
              <li key={i}>
                {target.text}
                {target.value !== null && ` ${target.value}${target.unit}`}（{target.due}）
                {target.met && (
                  <Tag color="green" style={{ marginInlineStart: 6 }}>
                    {t('helpPairs.targetMet')}
                  </Tag>
                )}
              </li>
            ))}
          </ul>
        </Space>
      )}
    </Card>
  );
}

function RecordList({ records }: { records: HelpRecordView[] }) {
  const { t } = useI18n();
  if (records.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('helpPairs.noRecords')} />;
  return (
    <List
      dataSource={records}
      data-testid="help-records"
      renderItem={(r) => (
        <List.Item key={r.id} data-testid={`help-record-${r.id}`}>
          <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
            <Space size={[6, 4]} wrap>
              <Tag color="blue">{t(`helpKind.${r.kind}`)}</Tag>
              <span>{r.date}</span>
              {r.amount !== null && <span>{t('helpPairs.yuan', { amount: r.amount })}</span>}
            </Space>
            <Typography.Paragraph style={{ margin: 0, wordBreak: 'break-word' }}>
              {r.text}
            </Typography.Paragraph>
            {r.photos.length > 0 && (
              <Image.PreviewGroup>
                <Space size={8} wrap>
                  {r.photos.map((photo) => (
                    <Image
                      key={photo.id}
                      src={`/api/help-photos/${photo.id}/thumb`}
                      preview={{ src: `/api/help-photos/${photo.id}` }}
                      width={72}
                      height={72}
                      style={{ objectFit: 'cover' }}
                      alt={t('helpPairs.recordPhotos')}
                      data-testid="help-photo"
                    />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('helpPairs.recordedBy', { name: r.recordedBy })}（
              {t(`helpPairs.recordedAs.${r.recordedAs}`)}）
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
