import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  Progress,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { roundsApi } from '@pairing/shared';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { ApiError, call } from '../../api/client.ts';
import { EChart } from '../../components/EChart.tsx';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import type { Board, Coverage } from '../rounds/api.ts';
import { roundStateLabel } from '../rounds/labels.ts';
import { PublicShell } from './PublicShell.tsx';
import { useBoardStream, type StreamState } from './useBoardStream.ts';

type DistrictRow = Board['coverage'][number];

const percent = (c: Coverage) => (c.total ? Math.round((c.covered / c.total) * 1000) / 10 : 0);

function CoverageCell({ value, label }: { value: Coverage; label: string }) {
  return (
    <div style={{ minWidth: 140 }}>
      {value.covered} / {value.total}
      <Progress percent={percent(value)} size="small" aria-label={label} />
    </div>
  );
}

const streamBadge: Record<StreamState, 'processing' | 'success' | 'warning'> = {
  connecting: 'processing',
  live: 'success',
  reconnecting: 'warning',
};

function chartOption(t: Translate, board: Board): EChartsCoreOption {
  const names = board.coverage.map((d) => d.districtName);
  const bar = (name: string, stack: string, color: string, data: number[]) => ({
    name,
    type: 'bar',
    stack,
    data,
    itemStyle: { color },
    emphasis: { focus: 'series' },
  });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: names.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      bar(
        t('board.villagesCovered'),
        'villages',
        '#cf1322',
        board.coverage.map((d) => d.villages.covered),
      ),
      bar(
        t('board.villagesOpen'),
        'villages',
        '#ffccc7',
        board.coverage.map((d) => d.villages.total - d.villages.covered),
      ),
      bar(
        t('board.weakCovered'),
        'weak',
        '#d48806',
        board.coverage.map((d) => d.weakVillages.covered),
      ),
      bar(
        t('board.weakOpen'),
        'weak',
        '#ffe58f',
        board.coverage.map((d) => d.weakVillages.total - d.weakVillages.covered),
      ),
    ],
  };
}

/**
 * 公开看板 (S1 §8, R-LIVE-STATUS): intentions reached, agreements signed, coverage by district and
 * the days left to each deadline, for anyone, live over Server-Sent Events.
 */
export default function BoardPage() {
  const { roundId } = useParams();
  const { t } = useI18n();
  const { user } = useAuth();
  const { board, error, state } = useBoardStream(roundId);
  const option = useMemo(() => (board ? chartOption(t, board) : null), [board, t]);
  // The board is public; a signed-in admin also drills down, if the round says the caller may.
  const { data: mayReadUncovered } = useRequest(
    () =>
      user && !user.mustChangePassword
        ? call(roundsApi.get, { params: { id: Number(roundId) } }).then(
            ({ round }) => round.abilities.readUncovered,
            () => false,
          )
        : Promise.resolve(false),
    [roundId, user?.userId],
  );

  if (error instanceof ApiError && error.status === 404)
    return (
      <PublicShell>
        <Result status="404" title={t('board.notFound')} />
      </PublicShell>
    );

  const columns: TableColumnsType<DistrictRow> = [
    { title: t('org.district'), dataIndex: 'districtName', width: 140 },
    {
      title: t('board.towns'),
      key: 'towns',
      render: (_, d) => <CoverageCell value={d.towns} label={t('board.towns')} />,
    },
    {
      title: t('board.villages'),
      key: 'villages',
      render: (_, d) => <CoverageCell value={d.villages} label={t('board.villages')} />,
    },
    {
      title: t('board.weakVillages'),
      key: 'weak',
      render: (_, d) => <CoverageCell value={d.weakVillages} label={t('board.weakVillages')} />,
    },
  ];

  return (
    <PublicShell>
      {error && <Alert type="error" showIcon title={error.message} />}
      {!board ? (
        <Spin size="large" className="app-page-spin" />
      ) : (
        <>
          <Card>
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <Space wrap>
                <Typography.Title level={3} style={{ margin: 0 }} data-testid="board-title">
                  {board.name}
                </Typography.Title>
                <Tag color="red">{roundStateLabel(t, board.state)}</Tag>
                <Badge
                  status={streamBadge[state]}
                  text={t(`board.stream.${state}`)}
                  data-testid="board-stream"
                />
              </Space>
              <Space wrap>
                <Typography.Text type="secondary">
                  {t('board.updatedAt', { at: new Date(board.computedAt).toLocaleString('zh-CN') })}
                </Typography.Text>
                <Link to={`/board/${board.roundId}/directory`} data-testid="board-directory-link">
                  <Button>{t('publicDirectory.openLong')}</Button>
                </Link>
                {mayReadUncovered && (
                  <Link to={`/rounds/${board.roundId}/uncovered`}>
                    <Button type="primary" ghost data-testid="board-uncovered-link">
                      {t('board.uncoveredLink')}
                    </Button>
                  </Link>
                )}
              </Space>
            </Space>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={4}>
              <Card data-testid="board-accepted">
                <Statistic
                  title={t('board.intentionsAccepted')}
                  value={board.intentions.accepted}
                />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card data-testid="board-pending">
                <Statistic title={t('board.intentionsPending')} value={board.intentions.pending} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card data-testid="board-signed">
                <Statistic
                  title={t('board.signed')}
                  value={board.agreementsSigned}
                  valueStyle={{ color: '#cf1322' }}
                />
              </Card>
            </Col>
            {(
              [
                ['towns', 'board.towns'],
                ['villages', 'board.villages'],
                ['weakVillages', 'board.weakVillages'],
              ] as const
            ).map(([key, label]) => (
              <Col xs={12} md={4} key={key}>
                <Card>
                  <Statistic
                    title={t('board.coverageOf', { what: t(label) })}
                    value={percent(board.totals[key])}
                    suffix="%"
                    precision={1}
                  />
                  <Typography.Text type="secondary" data-testid={`board-covered-${key}`}>
                    {board.totals[key].covered} / {board.totals[key].total}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            {board.deadlines.map((d) => (
              <Col xs={24} md={8} key={d.key}>
                <Card size="small" data-testid={`board-deadline-${d.key}`}>
                  <Statistic
                    title={`${t(`board.deadline.${d.key}`)} · ${d.date}`}
                    value={d.daysLeft >= 0 ? d.daysLeft : t('board.passed')}
                    suffix={d.daysLeft >= 0 ? t('board.days') : undefined}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card title={t('board.chartTitle')}>
            {option && <EChart option={option} height={360} />}
          </Card>
          <Card title={t('board.tableTitle')}>
            <Table
              rowKey="districtId"
              size="small"
              columns={columns}
              dataSource={board.coverage}
              pagination={false}
              data-testid="board-table"
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <strong>{t('board.total')}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>
                    <CoverageCell value={board.totals.towns} label={t('board.towns')} />
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2}>
                    <CoverageCell value={board.totals.villages} label={t('board.villages')} />
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3}>
                    <CoverageCell
                      value={board.totals.weakVillages}
                      label={t('board.weakVillages')}
                    />
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </>
      )}
    </PublicShell>
  );
}
