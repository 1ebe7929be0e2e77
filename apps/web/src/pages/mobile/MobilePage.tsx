import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Empty, List, Select, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  mobileApi,
  mobileDutyStatuses,
  type MobileDutyStatusKind,
  type MobileMemberRow,
  type MobileNotice,
} from '@pairing/shared';
import { call, hrefOf } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { ActionBar } from '../../components/ActionBar.tsx';
import { ErrorAlert } from '../../components/ListControls.tsx';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { AskModal } from './AskModal.tsx';
import { DutyStatusTag, StateTag } from './labels.tsx';
import { QueryList } from './QueryList.tsx';
import { RegisterModal } from './RegisterModal.tsx';

const filterKeys = ['tab', 'year', 'status'] as const;
const thisYear = new Date().getFullYear();

/** 流动党员: the members who flowed out, those awaiting receipt, and those received (S3 §4.1). */
export default function MobilePage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const list = useQueryState(filterKeys);
  const { values, update } = list;
  const tab = values.tab === 'incoming' || values.tab === 'inflow' ? values.tab : 'outflow';
  const [registering, setRegistering] = useState(false);
  const canManage = me.abilities['mobile.manage'];

  return (
    <Card title={t('menu.mobile')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key, page: 1 })}
        items={[
          {
            key: 'outflow',
            label: t('mobile.tab.outflow'),
            children: <Members side="outflow" list={list} />,
          },
          { key: 'incoming', label: t('mobile.tab.incoming'), children: <Incoming /> },
          {
            key: 'inflow',
            label: t('mobile.tab.inflow'),
            children: <Members side="inflow" list={list} />,
          },
        ]}
      />
      {canManage && tab === 'outflow' && (
        <ActionBar>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRegistering(true)}
            data-testid="mobile-register"
          >
            {t('mobile.register')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={hrefOf(mobileApi.letter, {
              params: { id: me.orgId },
              query: { year: Number(values.year) || thisYear },
            })}
          >
            {t('mobile.letter')}
          </Button>
        </ActionBar>
      )}
      <RegisterModal
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={(id) => navigate(`/mobile/${id}`)}
      />
    </Card>
  );
}

function Members({
  side,
  list,
}: {
  side: 'outflow' | 'inflow';
  list: ReturnType<typeof useQueryState<(typeof filterKeys)[number]>>;
}) {
  const { t } = useI18n();
  const { values, page, pageSize, update } = list;
  const year = Number(values.year) || thisYear;
  const status = mobileDutyStatuses.find((s) => s === values.status) as
    MobileDutyStatusKind | undefined;
  const request = useRequest(
    () => call(mobileApi.list, { query: { side, year, status, page, pageSize } }),
    [side, year, status, page, pageSize],
  );
  const columns: ResponsiveColumns<MobileMemberRow> = [
    {
      key: 'name',
      title: t('mobile.person'),
      render: (_, m) => <Link to={`/mobile/${m.id}?year=${year}`}>{m.person.name}</Link>,
    },
    { key: 'certificate', title: t('mobile.certificate'), dataIndex: 'certificateNumber' },
    {
      key: 'state',
      title: t('mobile.state'),
      render: (_, m) => <StateTag t={t} state={m.state} />,
    },
    {
      key: 'org',
      title: side === 'outflow' ? t('mobile.inflowOrg') : t('mobile.outflowOrg'),
      render: (_, m) => (side === 'outflow' ? (m.inflowOrg?.name ?? '—') : m.outflowOrg.name),
    },
    {
      key: 'duties',
      title: t('mobile.duties'),
      render: (_, m) => {
        const overdue = m.duties.filter((d) => d.status === 'overdue').length;
        return overdue > 0 ? (
          <DutyStatusTag t={t} status="overdue" />
        ) : (
          <Typography.Text type="secondary">{t('mobile.allDone')}</Typography.Text>
        );
      },
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('mobile.year')}
          value={year}
          onChange={(y) => update({ year: String(y), page: 1 })}
          options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: `${y}`,
          }))}
          style={{ width: 100 }}
        />
        <Select
          aria-label={t('mobile.dutyStatus')}
          value={status ?? ''}
          onChange={(s) => update({ status: s || undefined, page: 1 })}
          options={[
            { value: '', label: t('mobile.allStatuses') },
            ...mobileDutyStatuses.map((s) => ({
              value: s,
              label: t(`mobile.status.${s}` as MessageKey),
            })),
          ]}
          style={{ width: 150 }}
        />
      </Space>
      <ErrorAlert error={request.error} />
      <ResponsiveTable<MobileMemberRow>
        rowKey="id"
        data-testid={`mobile-${side}-list`}
        loading={request.loading}
        columns={columns}
        dataSource={request.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('mobile.empty')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: request.data?.total ?? 0,
          onChange: (next, size) => update({ page: next, pageSize: size }),
        }}
      />
    </>
  );
}

function Incoming() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const request = useRequest(() => call(mobileApi.incoming), []);
  const [asking, setAsking] = useState<number | null>(null);
  const [receiving, setReceiving] = useState<number | null>(null);
  const receive = async (n: MobileNotice) => {
    setReceiving(n.id);
    try {
      await call(mobileApi.receive, { params: { id: n.id } });
      message.success(t('mobile.received'));
      request.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setReceiving(null);
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('mobile.incomingHint')}</Typography.Paragraph>
      <ErrorAlert error={request.error} />
      <List
        loading={request.loading}
        dataSource={request.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('mobile.incomingEmpty')} /> }}
        renderItem={(n) => (
          <List.Item data-testid={`mobile-notice-${n.id}`}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{n.name}</Typography.Text>
                <Typography.Text>{n.certificateNumber}</Typography.Text>
                <StateTag t={t} state={n.state} />
              </Space>
              <Typography.Text type="secondary">
                {n.outflowOrg.name} → {n.inflowOrg.name} · {n.leaveDate}
              </Typography.Text>
              <QueryList queries={n.queries} onAnswered={request.reload} />
              <Space wrap>
                {n.abilities.receive && (
                  <Button
                    type="primary"
                    loading={receiving === n.id}
                    onClick={() => receive(n)}
                    data-testid={`mobile-receive-${n.id}`}
                  >
                    {t('mobile.receive')}
                  </Button>
                )}
                {n.abilities.askAsInflow && (
                  <Button onClick={() => setAsking(n.id)} data-testid={`mobile-query-${n.id}`}>
                    {t('mobile.queryBack')}
                  </Button>
                )}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      {asking !== null && (
        <AskModal
          memberId={asking}
          sides={['inflow']}
          open
          onClose={() => setAsking(null)}
          onDone={() => {
            setAsking(null);
            request.reload();
          }}
        />
      )}
    </>
  );
}
