import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, Select, Space, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { secretariesApi, secretaryStatuses, type SecretaryListItem } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { ActionBar } from '../../components/ActionBar.tsx';
import { ErrorAlert, FilterBar, useListTable } from '../../components/ListControls.tsx';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { chinaToday } from '../ledger/dates.ts';
import { yuan } from '../rounds/labels.ts';
import { TermModal } from './TermModal.tsx';

const filterKeys = ['year', 'status'] as const;
const asStatus = (value: string) => secretaryStatuses.find((s) => s === value);

/** 村书记考核: the secretaries of the caller's villages and whether the year is assessed. */
export default function SecretariesPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const list = useQueryState(filterKeys);
  const { values, page, pageSize, update, reset } = list;
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = Number(values.year) || thisYear;
  const request = useRequest(
    () =>
      call(secretariesApi.list, {
        query: { year, status: asStatus(values.status), page, pageSize },
      }),
    [year, values.status, page, pageSize],
  );
  const filtered = filterKeys.some((key) => values[key]);
  const table = useListTable(list, request, t('secretaries.empty'));
  const mayAssess = me.abilities['secretaries.assess'];
  const open = (item: SecretaryListItem) => navigate(`/secretaries/${item.person.id}`);

  const columns: ResponsiveColumns<SecretaryListItem> = [
    { title: t('secretaries.name'), key: 'name', render: (_, item) => item.person.name },
    {
      title: t('secretaries.village'),
      key: 'village',
      render: (_, item) => [item.term.townName, item.term.villageName].filter(Boolean).join(' · '),
    },
    {
      title: t('secretaries.term'),
      key: 'term',
      render: (_, item) => (
        <Space size={4} wrap>
          <span>
            {item.term.from} — {item.term.to ?? t('secretaries.now')}
          </span>
          {!item.serving && <Tag>{t('secretaries.status.left')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('secretaries.assessment', { year }),
      key: 'assessment',
      render: (_, item) =>
        item.assessment ? (
          <strong>{yuan(item.assessment.total)}</strong>
        ) : (
          <Tag color="gold">{t('secretaries.notAssessed')}</Tag>
        ),
    },
  ];

  return (
    <Card
      title={t('menu.secretaries')}
      extra={
        <Button
          icon={<ReloadOutlined />}
          onClick={request.reload}
          aria-label={t('common.refresh')}
        />
      }
    >
      <FilterBar filtered={filtered} onClear={reset}>
        <Select
          value={year}
          aria-label={t('secretaries.year')}
          onChange={(v) => update({ year: v === thisYear ? null : v })}
          options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: t('secretaries.yearOption', { year: y }),
          }))}
          style={{ width: 110 }}
          data-testid="year-filter"
        />
        <Select
          allowClear
          value={asStatus(values.status)}
          placeholder={t('secretaries.status')}
          aria-label={t('secretaries.status')}
          onChange={(v) => update({ status: v })}
          options={secretaryStatuses.map((s) => ({
            value: s,
            label: t(`secretaries.status.${s}`),
          }))}
          style={{ width: 120 }}
        />
      </FilterBar>
      <ErrorAlert error={request.error} />
      <ResponsiveTable<SecretaryListItem>
        rowKey={(item) => item.person.id}
        columns={columns}
        onRow={(item) => ({ onClick: () => open(item), style: { cursor: 'pointer' } })}
        cardTestId={(item) => `secretary-${item.person.id}`}
        data-testid="secretaries-table"
        {...table}
      />
      <ActionBar>
        <Button icon={<SettingOutlined />} onClick={() => navigate('/secretaries/parameters')}>
          {t('secretaries.parameters')}
        </Button>
        {mayAssess && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('secretaries.addSecretary')}
          </Button>
        )}
      </ActionBar>
      {adding && (
        <TermModal
          onClose={() => setAdding(false)}
          onDone={(personId) => navigate(`/secretaries/${personId}`)}
        />
      )}
    </Card>
  );
}
