import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Empty, Pagination, Space, Spin, Typography } from 'antd';
import { PaperClipOutlined, WarningOutlined } from '@ant-design/icons';
import type { LedgerSide, Paged, RecordView } from '@pairing/shared';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { recordSummary, RecordStateTag, RecordTypeTag } from './labels.tsx';
import './ledger.css';

/**
 * Records as tappable rows (the same on a phone and a desktop): what, when, by which side, its
 * state and from when it counts; `actions` adds buttons to a row (quick confirm).
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
  const items = request.data?.items ?? [];
  return (
    <Spin spinning={request.loading}>
      <div className="ledger-cards" data-testid={testId}>
        {items.map((r) => (
          <div
            key={r.id}
            className="ledger-record"
            role="link"
            tabIndex={0}
            onClick={() => navigate(`/records/${r.id}`)}
            onKeyDown={(e) => e.key === 'Enter' && navigate(`/records/${r.id}`)}
            data-testid={`record-${r.id}`}
          >
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
            <div className="ledger-record-summary">{recordSummary(t, r)}</div>
            <div className="ledger-card-meta">
              {sideName(r.side, r)} · {r.enteredBy}
              {countsText(t, r)}
            </div>
            {actions && (
              <div onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                {actions(r)}
              </div>
            )}
          </div>
        ))}
        {!request.loading && items.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        )}
      </div>
      {(request.data?.total ?? 0) > pageSize && (
        <Pagination
          simple
          current={page}
          pageSize={pageSize}
          total={request.data?.total ?? 0}
          onChange={onPage}
          style={{ marginTop: 12, justifyContent: 'center' }}
        />
      )}
    </Spin>
  );
}

function countsText(t: Translate, r: RecordView) {
  if (r.counts) return ` · ${t('record.counts')}`;
  if (r.countsFrom) return ` · ${t('record.countsFrom', { date: r.countsFrom })}`;
  return '';
}
