import { useParams } from 'react-router';
import { Card, Descriptions, List, Table, Tag, Typography } from 'antd';
import { agreementsApi } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { yuan } from '../rounds/labels.ts';
import { PublicShell, publicPending } from './PublicShell.tsx';

/** 公开承诺 (R-ANNUAL-PLAN, R-DISCLOSE): what a signed pair promised, for anyone to read. */
export default function CommitmentPage() {
  const { agreementId } = useParams();
  const { t } = useI18n();
  const { data, error, loading } = useRequest(
    () => call(agreementsApi.publicCommitment, { params: { id: Number(agreementId) } }),
    [agreementId],
  );

  const pending = publicPending(error, !loading && data !== undefined, t('commitment.notFound'));
  if (pending || !data) return pending;
  const c = data;
  const side = (s: 'urban' | 'rural') =>
    t(s === 'urban' ? 'agreements.urbanSide' : 'agreements.ruralSide');
  const total = c.yearlyFunds.reduce((sum, f) => sum + f.amount, 0);

  return (
    <PublicShell>
      <Card>
        <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="commitment-title">
          {t('commitment.title')}
          {c.amendsId && (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              {t('agreements.amendment')}
            </Tag>
          )}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('agreements.partyA')}>{c.urbanOrg.name}</Descriptions.Item>
          <Descriptions.Item label={t('agreements.partyB')}>
            {c.ruralOrg.name}{' '}
            {c.ruralOrg.weakVillage && <Tag color="red">{t('org.weakVillage')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('agreements.term')}>
            {c.termStart} — {c.termEnd}
          </Descriptions.Item>
          <Descriptions.Item label={t('commitment.signedAt')}>
            {new Date(c.signedAt).toLocaleDateString('zh-CN')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('agreements.commitments')}>
        <List
          dataSource={c.commitments}
          renderItem={(item) => (
            <List.Item>
              <Tag color={item.side === 'urban' ? 'blue' : 'green'}>{side(item.side)}</Tag>
              {item.text}
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('agreements.projects')}>
        <Table
          rowKey={(_, i) => String(i)}
          size="small"
          pagination={false}
          dataSource={c.projects}
          columns={[
            { title: t('agreements.projectTitle'), dataIndex: 'title' },
            { title: t('agreements.target'), dataIndex: 'target' },
            { title: t('agreements.year'), dataIndex: 'year', width: 80 },
            { title: t('agreements.budget'), dataIndex: 'budget', width: 120, render: yuan },
            {
              title: t('agreements.indicator'),
              key: 'indicator',
              render: (_, p) =>
                p.indicator
                  ? `${p.indicator.description}：${p.indicator.quantity} ${p.indicator.unit}`
                  : '—',
            },
          ]}
        />
      </Card>
      <Card title={t('agreements.yearlyFunds')}>
        <Table
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={c.yearlyFunds}
          columns={[
            { title: t('agreements.year'), dataIndex: 'year' },
            { title: t('agreements.amount'), dataIndex: 'amount', render: yuan },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('board.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{yuan(total)}</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
    </PublicShell>
  );
}
