import { Card } from 'antd';
import { helpPairsApi, type UnitHelpCoverage } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ListControls.tsx';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { CoverageStats } from './labels.tsx';

const counted = [
  'pairings',
  'cadres',
  'cadresPaired',
  'plansMade',
  'targetsMet',
  'outOfDifficulty',
] as const;

/** Coverage in the caller's scope: the total and one row per unit (R-ONE-PLUS-TWO). */
export function CoverageCard() {
  const { t } = useI18n();
  const { data, error, loading } = useRequest(
    () => call(helpPairsApi.coverage, { query: { pageSize: 100 } }),
    [],
  );
  const columns: ResponsiveColumns<UnitHelpCoverage> = [
    { key: 'unit', title: t('helpCoverage.unit'), render: (_, row) => row.unit.name },
    ...counted.map((key) => ({
      key,
      title: t(`helpCoverage.${key}` as MessageKey),
      render: (_: unknown, row: UnitHelpCoverage) =>
        key === 'targetsMet' ? `${row.targetsMet} / ${row.targets}` : row[key],
    })),
  ];
  return (
    <Card size="small" title={t('helpCoverage.title')}>
      <ErrorAlert error={error} />
      {data && <CoverageStats coverage={data.totals} />}
      <ResponsiveTable<UnitHelpCoverage>
        style={{ marginTop: 12 }}
        rowKey={(row) => row.unit.id}
        columns={columns}
        dataSource={data?.units.items ?? []}
        loading={loading}
        pagination={false}
        size="small"
        data-testid="help-coverage-units"
      />
    </Card>
  );
}
