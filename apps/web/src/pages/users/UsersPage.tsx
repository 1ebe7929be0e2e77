import { useState } from 'react';
import dayjs from 'dayjs';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { roles } from '@pairing/shared';
import { api } from '../../api/client.ts';
import type { Paged, UserRow } from '../../api/types.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { SecretModal } from '../../components/SecretModal.tsx';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { UserCreateModal } from './UserCreateModal.tsx';
import { UserEditModal } from './UserEditModal.tsx';

const filterKeys = ['q', 'role', 'disabled'] as const;

export default function UsersPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const { values, page, pageSize, update, reset } = useQueryState(filterKeys);
  const [search, setSearch] = useState(values.q);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [secret, setSecret] = useState<{
    title: string;
    username: string;
    password: string;
  } | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const { data, error, loading, reload } = useRequest(
    () => api.get<Paged<UserRow>>('/api/users', { ...values, page, pageSize }),
    [values.q, values.role, values.disabled, page, pageSize],
  );

  const act = async (user: UserRow, run: () => Promise<void>) => {
    setBusyId(user.id);
    try {
      await run();
      reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusyId(null);
    }
  };

  const setDisabled = (user: UserRow, disabled: boolean) =>
    act(user, async () => {
      await api.patch(`/api/users/${user.id}`, { disabled });
      message.success(disabled ? t('users.disabledDone') : t('users.enabledDone'));
    });

  const resetPassword = (user: UserRow) =>
    act(user, async () => {
      const { initialPassword } = await api.post<{ initialPassword: string }>(
        `/api/users/${user.id}/reset-password`,
      );
      setSecret({
        title: t('users.resetDone'),
        username: user.username,
        password: initialPassword,
      });
    });

  const status = (user: UserRow) => {
    if (user.disabled) return <Tag color="default">{t('users.statusDisabled')}</Tag>;
    if (user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs())) {
      return <Tag color="red">{t('users.statusLocked')}</Tag>;
    }
    if (user.mustChangePassword) return <Tag color="gold">{t('users.statusPending')}</Tag>;
    return <Tag color="green">{t('users.statusActive')}</Tag>;
  };

  const columns: TableColumnsType<UserRow> = [
    { title: t('login.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.role'),
      dataIndex: 'role',
      render: (role: string) => <Tag bordered={false}>{enumLabel(t, 'role', role)}</Tag>,
    },
    { title: t('users.org'), dataIndex: 'orgName', ellipsis: true },
    { title: t('users.phone'), dataIndex: 'phone', render: (v) => v || '—' },
    { title: t('users.status'), key: 'status', render: (_, user) => status(user) },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 220,
      render: (_, user) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(user)}>
            {t('common.edit')}
          </Button>
          {/* Nobody disables or resets their own account here; that is what 修改密码 is for. */}
          {user.id !== me.userId && (
            <>
              <Popconfirm
                title={user.disabled ? t('users.enableConfirm') : t('users.disableConfirm')}
                description={user.disabled ? undefined : t('users.disableHint')}
                onConfirm={() => setDisabled(user, !user.disabled)}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: !user.disabled }}
              >
                <Button
                  type="link"
                  size="small"
                  danger={!user.disabled}
                  loading={busyId === user.id}
                >
                  {user.disabled ? t('users.enable') : t('users.disable')}
                </Button>
              </Popconfirm>
              <Popconfirm
                title={t('users.resetConfirm')}
                description={t('users.resetHint')}
                onConfirm={() => resetPassword(user)}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
              >
                <Button type="link" size="small">
                  {t('users.resetPassword')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      ),
    },
  ];

  const filtered = Object.values(values).some(Boolean);

  return (
    <Card
      title={t('menu.users')}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('common.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => update({ q: q.trim() })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t('users.role')}
          value={values.role || undefined}
          onChange={(role) => update({ role })}
          options={roles.map((r) => ({ value: r, label: enumLabel(t, 'role', r) }))}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          placeholder={t('users.status')}
          value={values.disabled || undefined}
          onChange={(disabled) => update({ disabled })}
          options={[
            { value: 'false', label: t('users.statusActive') },
            { value: 'true', label: t('users.statusDisabled') },
          ]}
          style={{ width: 120 }}
        />
        {filtered && (
          <Button
            type="link"
            onClick={() => {
              setSearch('');
              reset();
            }}
          >
            {t('common.clearFilters')}
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Table<UserRow>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? t('common.noMatch') : t('users.empty')}
            />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (nextPage, nextSize) =>
            update({ page: nextSize !== pageSize ? 1 : nextPage, pageSize: nextSize }),
        }}
      />
      {creating && (
        <UserCreateModal
          onClose={() => setCreating(false)}
          onCreated={(user, initialPassword) => {
            setCreating(false);
            setSecret({
              title: t('users.created'),
              username: user.username,
              password: initialPassword,
            });
            reload();
          }}
        />
      )}
      {editing && (
        <UserEditModal
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {secret && <SecretModal {...secret} onClose={() => setSecret(null)} />}
    </Card>
  );
}
