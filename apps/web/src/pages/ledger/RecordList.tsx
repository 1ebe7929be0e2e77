import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Empty, Space, Typography } from 'antd';
import { PaperClipOutlined, WarningOutlined } from '@ant-design/icons';
import type { LedgerSide, Paged, RecordView } from '@pairing/shared';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { recordSummary, RecordStateTag, RecordTypeTag } from './labels.tsx';
import './ledger.css';

/**
 * Records as tappable rows (cards on a phone): what, when, by which side, its state and from
 * when it counts; `actions` adds buttons to a row (quick confirm).
 */
export function RecordList({
  request,
  empty,
  sideName,
  actions,
  page,
  pageSize,
  onPage,
  testId = 'record-list',
}: {
  request: { data?: Paged<RecordView>; loading: boolean };
  empty: string;
  sideName: (side: LedgerSide, record: RecordView) => string;
  actions?: (record: RecordView) => ReactNode;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const columns: ResponsiveColumns<RecordView> = [
    {
      title: t('record.type'),
      key: 'record',
      card: 'title',
      width: 260,
      render: (_, r) => <RecordHeadline record={r} />,
    },
    {
      title: t('record.content'),
      key: 'summary',
      card: 'plain',
      render: (_, r) => <div className="ledger-record-summary">{recordSummary(t, r)}</div>,
    },
    {
      title: t('record.by'),
      key: 'side',
      card: 'plain',
      render: (_, r) => (
        <div className="ledger-card-meta">
          {sideName(r.side, r)} · {r.enteredBy}
          {countsText(t, r)}
        </div>
      ),
    },
  ];
  if (actions) {
    columns.push({ title: t('common.actions'), key: 'actions', render: (_, r) => actions(r) });
  }
  return (
    <ResponsiveTable<RecordView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={request.data?.items ?? []}
      loading={request.loading}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      pagination={{
        current: page,
        pageSize,
        total: request.data?.total ?? 0,
        hideOnSinglePage: true,
        onChange: onPage,
      }}
      onRow={(r) => ({
        onClick: () => navigate(`/records/${r.id}`),
        style: { cursor: 'pointer' },
      })}
      cardTestId={(r) => `record-${r.id}`}
      data-testid={testId}
    />
  );
}

function RecordHeadline({ record: r }: { record: RecordView }) {
  const { t } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      <RecordTypeTag type={r.content.type} />
      <span>{r.content.date}</span>
      <RecordStateTag state={r.state} />
      {r.evidence.length > 0 && (
        <Typography.Text type="secondary">
          <PaperClipOutlined /> {r.evidence.length}
        </Typography.Text>
      )}
      {r.photoDateMismatch && (
        <Typography.Text type="warning">
          <WarningOutlined /> {t('record.dateMismatchShort')}
        </Typography.Text>
      )}
    </Space>
  );
}

function countsText(t: Translate, r: RecordView) {
  if (r.counts) return ` · ${t('record.counts')}`;
  if (r.countsFrom) return ` · ${t('record.countsFrom', { date: r.countsFrom })}`;
  return '';
}
