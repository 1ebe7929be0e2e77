import { Link } from 'react-router';
import {
  Breadcrumb,
  Button,
  Card,
  Empty,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ledgerApi, orgsApi, rollupGroups, type RollupRow } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ListControls.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { ruleIds, ruleLabel, statusColors, type EntryStatus, compactCard } from './labels.tsx';
import './ledger.css';

type By = (typeof rollupGroups)[number];
type Group = { id: number; name: string; pairings: number; rules: Map<string, RollupRow> };

const asBy = (v: string): By => rollupGroups.find((by) => by === v) ?? 'district';
const shownStatuses: EntryStatus[] = ['missed', 'late', 'due_soon', 'due', 'met'];
// The list's filter that selects a group's pairings.
const listKey: Record<By, string> = { district: 'district', town: 'town', committee: 'committee' };

/**
 * 履约汇总: per district, town or working committee and per rule, how many pairings have a
 * period in each status; every number opens those pairings. A district's name opens its towns.
 */
export default function RollupPage() {
  const { t } = useI18n();
  const phone = useIsPhone();
  const { values, update } = useQueryState(['by', 'within', 'rule'] as const);
  const by = asBy(values.by);
  const request = useRequest(
    () =>
      call(ledgerApi.rollup, {
        query: { by, within: values.within || undefined, rule: values.rule || undefined },
      }),
    [by, values.within, values.rule],
  );
  const within = useRequest(
    () =>
      values.within
        ? call(orgsApi.get, { params: { id: Number(values.within) } }).then((a) => a.org.name)
        : Promise.resolve(null),
    [values.within],
  );

  const groups = groupRows(request.data?.rows ?? []);
  const rules = ordered(new Set((request.data?.rows ?? []).map((row) => row.rule)));
  const drill = (g: Group) =>
    by === 'district' ? (
      <Link to={`/compliance?by=town&within=${g.id}`} data-testid={`drill-${g.id}`}>
        {g.name}
      </Link>
    ) : (
      g.name
    );
  const cell = (g: Group, rule: string) => {
    const row = g.rules.get(rule);
    if (!row) return '—';
    const shown = shownStatuses.filter((status) => row.pairs[status] > 0);
    if (shown.length === 0) return '—';
    return (
      <Space size={[4, 4]} wrap>
        {shown.map((status) => (
          <Link
            key={status}
            to={`/pairings?${listKey[by]}=${g.id}&rule=${encodeURIComponent(rule)}&status=${status}`}
            data-testid={`cell-${g.id}-${rule}-${status}`}
          >
            <Tag color={statusColors[status]} style={{ cursor: 'pointer', marginInlineEnd: 0 }}>
              {t(`entryStatus.${status}`)} {row.pairs[status]}
            </Tag>
          </Link>
        ))}
      </Space>
    );
  };

  const columns: TableColumnsType<Group> = [
    {
      title: t(`rollup.group.${by}`),
      key: 'name',
      fixed: 'left',
      width: 160,
      render: (_, g) => drill(g),
    },
    { title: t('rollup.pairings'), dataIndex: 'pairings', width: 90 },
    ...rules.map((rule) => ({
      title: ruleLabel(t, rule),
      key: rule,
      width: 220,
      render: (_: unknown, g: Group) => cell(g, rule),
    })),
  ];

  return (
    <Card
      title={t('menu.rollup')}
      extra={
        <Button
          icon={<ReloadOutlined />}
          onClick={request.reload}
          aria-label={t('common.refresh')}
        />
      }
      styles={phone ? compactCard : undefined}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={by}
          onChange={(v) => update({ by: v === 'district' ? null : v, within: null })}
          options={rollupGroups.map((value) => ({ value, label: t(`rollup.by.${value}`) }))}
          data-testid="rollup-by"
        />
        <Select
          allowClear
          value={values.rule || undefined}
          placeholder={t('rollup.allRules')}
          aria-label={t('rollup.allRules')}
          onChange={(v) => update({ rule: v })}
          options={ruleIds.map((rule) => ({ value: rule, label: ruleLabel(t, rule) }))}
          style={{ width: 200 }}
          data-testid="rollup-rule"
        />
      </Space>
      {values.within && (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[
            { title: <Link to="/compliance">{t('rollup.allDistricts')}</Link> },
            { title: within.data ?? `#${values.within}` },
          ]}
        />
      )}
      <ErrorAlert error={request.error} />
      {request.data && (
        <Typography.Paragraph type="secondary">
          {t('rollup.hint', { date: request.data.at })}
        </Typography.Paragraph>
      )}
      {phone ? (
        <Spin spinning={request.loading}>
          <div className="ledger-cards" data-testid="rollup-cards">
            {groups.map((g) => (
              <Card
                key={g.id}
                size="small"
                title={drill(g)}
                extra={t('rollup.pairingsN', { n: g.pairings })}
              >
                <div className="ledger-periods">
                  {rules.map((rule) => (
                    <div key={rule} className="ledger-period">
                      <span className="ledger-period-name">{ruleLabel(t, rule)}</span>
                      {cell(g, rule)}
                    </div>
                  ))}
                </div>
              </Card>
            ))}
            {!request.loading && !request.error && groups.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rollup.empty')} />
            )}
          </div>
        </Spin>
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={request.loading}
          columns={columns}
          dataSource={groups}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: request.error ? (
              ' '
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rollup.empty')} />
            ),
          }}
          data-testid="rollup-table"
        />
      )}
    </Card>
  );
}

function groupRows(rows: RollupRow[]): Group[] {
  const groups = new Map<number, Group>();
  for (const row of rows) {
    const group = groups.get(row.group.id) ?? {
      id: row.group.id,
      name: row.group.name,
      pairings: 0,
      rules: new Map<string, RollupRow>(),
    };
    group.pairings = Math.max(group.pairings, row.pairings);
    group.rules.set(row.rule, row);
    groups.set(row.group.id, group);
  }
  return [...groups.values()];
}

/** Known rules in their usual order, then any other the packs name. */
function ordered(rules: Set<string>): string[] {
  const known: string[] = ruleIds.filter((rule) => rules.has(rule));
  return [...known, ...[...rules].filter((rule) => !known.includes(rule)).sort()];
}
