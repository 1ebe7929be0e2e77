import { Alert, App, Card, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { businessRoles, usersApi, type Role, type UserView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

/** 用户角色: the security administrator changes a business account's role (三员分立). */
export default function UserRolesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const users = useRequest(
    () => call(usersApi.list, { query: { q: q || undefined, page, pageSize: 20 } }),
    [q, page],
  );

  const assign = async (user: UserView, role: Role) => {
    try {
      await call(usersApi.assignRole, { params: { id: user.id }, body: { role } });
      message.success(t('security.roleChanged'));
      users.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ResponsiveColumns<UserView> = [
    {
      key: 'user',
      title: t('security.user'),
      render: (_, u) => `${u.displayName}（${u.username}）`,
    },
    { key: 'org', title: t('users.org'), dataIndex: 'orgName' },
    {
      key: 'role',
      title: t('users.role'),
      render: (_, u) => (
        <Select
          value={u.role}
          disabled={!u.abilities.assignRole}
          onChange={(role) => assign(u, role)}
          aria-label={`${t('users.role')} ${u.username}`}
          options={businessRoles.map((r) => ({ value: r, label: enumLabel(t, 'role', r) }))}
          style={{ minWidth: 140 }}
          data-testid={`role-${u.username}`}
        />
      ),
    },
  ];

  return (
    <Card title={t('security.roles')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.Search
          allowClear
          placeholder={t('security.searchUser')}
          onSearch={(v) => (setQ(v.trim()), setPage(1))}
          style={{ maxWidth: 320 }}
        />
        {users.error ? (
          <Alert type="error" showIcon message={users.error.message} />
        ) : (
          <ResponsiveTable
            rowKey="id"
            loading={!users.data}
            columns={columns}
            dataSource={users.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: 20,
              total: users.data?.total ?? 0,
              onChange: setPage,
            }}
          />
        )}
      </Space>
    </Card>
  );
}
