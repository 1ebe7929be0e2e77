import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { orgsApi, type OrgKind, type QueryOf } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { EChart } from '../../components/EChart.tsx';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

const countedKinds: OrgKind[] = [
  'district',
  'town',
  'village',
  'community',
  'working_committee',
  'urban_unit',
];

type Counts = { byKind: Array<{ kind: OrgKind; total: number }>; weak: number };

async function loadCounts(): Promise<Counts> {
  const total = async (query: QueryOf<typeof orgsApi.list>) =>
    (await call(orgsApi.list, { query: { ...query, page: 1, pageSize: 1 } })).total;
  const [byKind, weak] = await Promise.all([
    Promise.all(countedKinds.map(async (kind) => ({ kind, total: await total({ kind }) }))),
    total({ kind: 'village', weak: true }),
  ]);
  return { byKind, weak };
}

/** The organizations of the caller's scope by kind: for those who oversee many (city, district). */
export function OrgCounts() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading } = useRequest(loadCounts, []);

  const option = useMemo(() => {
    const rows = (data?.byKind ?? []).filter((row) => row.total > 0);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: rows.map((row) => enumLabel(t, 'kind', row.kind)) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          data: rows.map((row) => row.total),
          itemStyle: { color: '#cf1322' },
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
        },
      ],
    };
  }, [data, t]);

  const count = (kind: OrgKind) => data?.byKind.find((row) => row.kind === kind)?.total ?? 0;

  return (
    <>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Row gutter={[16, 16]}>
        {(['town', 'village', 'urban_unit'] as const).map((kind) => (
          <Col xs={12} md={6} key={kind}>
            <Card hoverable onClick={() => navigate(`/orgs?kind=${kind}`)}>
              <Statistic title={enumLabel(t, 'kind', kind)} value={count(kind)} loading={loading} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Card hoverable onClick={() => navigate('/orgs?kind=village&weak=true')}>
            <Statistic
              title={t('org.weakVillage')}
              value={data?.weak ?? 0}
              loading={loading}
              styles={{ content: { color: '#cf1322' } }}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('home.chartTitle')}>
        {loading ? <Skeleton active /> : <EChart option={option} />}
      </Card>
    </>
  );
}
