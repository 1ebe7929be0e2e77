import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Select, Space, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  personKinds,
  personTags,
  peopleApi,
  type PeopleFilter,
  type PersonView,
} from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { ActionBar } from '../../components/ActionBar.tsx';
import {
  ErrorAlert,
  FilterBar,
  QuerySearch,
  useListTable,
} from '../../components/ListControls.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { ExportModal } from './ExportModal.tsx';
import { ImportModal } from './ImportModal.tsx';
import { kindLabel, tagLabel } from './labels.ts';
import { PersonFormModal } from './PersonFormModal.tsx';
import { RevealModal } from './RevealModal.tsx';

const filterKeys = ['q', 'orgId', 'kind', 'tag'] as const;

/**
 * 人员名册 (issue 14 item 1): the people the caller sees, numbers masked (item 6). 查看 shows one
 * person's numbers after a reason; export asks for one too.
 */
export default function PeoplePage() {
  const { t } = useI18n();
  const me = useMe();
  const { values, page, pageSize, update, reset } = useQueryState(filterKeys);
  const [dialog, setDialog] = useState<
    | { kind: 'create' | 'import' | 'export' }
    | { kind: 'edit' | 'reveal'; person: PersonView }
    | null
  >(null);

  const filter: PeopleFilter = {
    q: values.q || undefined,
    orgId: values.orgId ? Number(values.orgId) : undefined,
    kind: personKinds.find((k) => k === values.kind),
    tag: personTags.find((tag) => tag === values.tag),
  };
  const request = useRequest(
    () => call(peopleApi.list, { query: { ...filter, page, pageSize } }),
    [values.q, values.orgId, values.kind, values.tag, page, pageSize],
  );
  const filtered = Object.values(values).some(Boolean);
  const table = useListTable(
    { page, pageSize, update },
    request,
    filtered ? t('common.noMatch') : t('people.empty'),
  );

  const columns: ResponsiveColumns<PersonView> = [
    {
      title: t('people.name'),
      dataIndex: 'name',
      render: (name: string, p) => <Link to={`/people/${p.id}`}>{name}</Link>,
    },
    {
      title: t('people.kindLabel'),
      dataIndex: 'kind',
      render: (_, p) => `${kindLabel(t, p.kind)} · ${p.birthYear}`,
    },
    {
      title: t('people.org'),
      dataIndex: 'orgName',
      ellipsis: true,
      render: (name: string, p) => (p.secondOrgName ? `${name} / ${p.secondOrgName}` : name),
    },
    { title: t('people.idNumber'), dataIndex: 'idNumberMasked' },
    { title: t('people.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
    {
      title: t('people.tags'),
      dataIndex: 'tags',
      render: (_, p) => (
        <Space size={[0, 4]} wrap>
          {p.tags.map((tag) => (
            <Tag key={tag} bordered={false}>
              {tagLabel(t, tag)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size={0} wrap>
          {p.abilities.reveal && (
            <Button
              type="link"
              size="small"
              onClick={() => setDialog({ kind: 'reveal', person: p })}
            >
              {t('people.reveal')}
            </Button>
          )}
          {p.abilities.update && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', person: p })}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('menu.people')}
      extra={
        <Button
          icon={<ReloadOutlined />}
          onClick={request.reload}
          aria-label={t('common.refresh')}
        />
      }
    >
      <FilterBar filtered={filtered} onClear={reset}>
        <QuerySearch
          placeholder={t('people.search')}
          aria-label={t('people.search')}
          value={values.q}
          onSearch={(q) => update({ q })}
          style={{ width: 220 }}
        />
        <div style={{ width: 220 }}>
          <OrgSelect
            placeholder={t('people.orgFilter')}
            ariaLabel={t('people.orgFilter')}
            value={filter.orgId}
            onChange={(orgId) => update({ orgId })}
          />
        </div>
        <Select
          allowClear
          placeholder={t('people.kindLabel')}
          aria-label={t('people.kindLabel')}
          value={filter.kind}
          onChange={(kind) => update({ kind })}
          options={personKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
          style={{ width: 100 }}
        />
        <Select
          allowClear
          placeholder={t('people.tags')}
          aria-label={t('people.tags')}
          value={filter.tag}
          onChange={(tag) => update({ tag })}
          options={personTags.map((tag) => ({ value: tag, label: tagLabel(t, tag) }))}
          style={{ width: 140 }}
        />
      </FilterBar>
      <ErrorAlert error={request.error} />
      <ResponsiveTable<PersonView>
        rowKey="id"
        columns={columns}
        data-testid="people-list"
        {...table}
      />
      <ActionBar>
        {me.abilities['people.write'] && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
          >
            {t('people.create')}
          </Button>
        )}
        {me.abilities['people.import'] && (
          <Button icon={<UploadOutlined />} onClick={() => setDialog({ kind: 'import' })}>
            {t('people.import')}
          </Button>
        )}
        <Button icon={<DownloadOutlined />} onClick={() => setDialog({ kind: 'export' })}>
          {t('people.export')}
        </Button>
      </ActionBar>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <PersonFormModal
          person={dialog.kind === 'edit' ? dialog.person : undefined}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            request.reload();
          }}
        />
      )}
      {dialog?.kind === 'reveal' && (
        <RevealModal person={dialog.person} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'import' && (
        <ImportModal onClose={() => setDialog(null)} onImported={request.reload} />
      )}
      {dialog?.kind === 'export' && <ExportModal filter={filter} onClose={() => setDialog(null)} />}
    </Card>
  );
}
