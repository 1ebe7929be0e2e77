import { useState } from 'react';
import dayjs from 'dayjs';
import { App, Button, Card, Popconfirm, Select, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { roles, usersApi, type UserView } from '@pairing/shared';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import {
  ErrorAlert,
  FilterBar,
  QuerySearch,
  useListTable,
} from '../../components/ListControls.tsx';
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
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [secret, setSecret] = useState<{
    title: string;
    username: string;
    password: string;
  } | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const request = useRequest(
    () =>
      call(usersApi.list, {
        query: {
          q: values.q,
          role: roles.find((role) => role === values.role),
          disabled: values.disabled ? values.disabled === 'true' : undefined,
          page,
          pageSize,
        },
      }),
    [values.q, values.role, values.disabled, page, pageSize],
  );

  const act = async (user: UserView, run: () => Promise<void>) => {
    setBusyId(user.id);
    try {
      await run();
      request.reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusyId(null);
    }
  };

  const setDisabled = (user: UserView, disabled: boolean) =>
    act(user, async () => {
      await call(usersApi.update, { params: { id: user.id }, body: { disabled } });
      message.success(disabled ? t('users.disabledDone') : t('users.enabledDone'));
    });

  const resetPassword = (user: UserView) =>
    act(user, async () => {
      const { initialPassword } = await call(usersApi.resetPassword, {
        params: { id: user.id },
      });
      setSecret({
        title: t('users.resetDone'),
        username: user.username,
        password: initialPassword,
      });
    });

  const status = (user: UserView) => {
    if (user.disabled) return <Tag color="default">{t('users.statusDisabled')}</Tag>;
    if (user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs())) {
      return <Tag color="red">{t('users.statusLocked')}</Tag>;
    }
    if (user.mustChangePassword) return <Tag color="gold">{t('users.statusPending')}</Tag>;
    return <Tag color="green">{t('users.statusActive')}</Tag>;
  };

  const columns: TableColumnsType<UserView> = [
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
      render: (_, user) => {
        // Nobody disables or resets their own account here; that is what 修改密码 is for.
        const self = user.id === me.userId;
        return (
          <Space size={0}>
            {user.abilities.update && (
              <Button type="link" size="small" onClick={() => setEditing(user)}>
                {t('common.edit')}
              </Button>
            )}
            {user.abilities.update && !self && (
              <Popconfirm
                title={user.disabled ? t('users.enableConfirm') : t('users.disableConfirm')}
                description={user.disabled ? undefined : t('users.disableHint')}
                onConfirm={() => setDisabled(user, !user.disabled)}
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
            )}
            {user.abilities.resetPassword && !self && (
              <Popconfirm
                title={t('users.resetConfirm')}
                description={t('users.resetHint')}
                onConfirm={() => resetPassword(user)}
              >
                <Button type="link" size="small">
                  {t('users.resetPassword')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  const filtered = Object.values(values).some(Boolean);
  const table = useListTable(
    { page, pageSize, update },
    request,
    filtered ? t('common.noMatch') : t('users.empty'),
  );

  return (
    <Card
      title={t('menu.users')}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={request.reload}>
            {t('common.refresh')}
          </Button>
          {me.abilities['users.create'] && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          )}
        </Space>
      }
    >
      <FilterBar filtered={filtered} onClear={reset}>
        <QuerySearch
          placeholder={t('users.searchPlaceholder')}
          value={values.q}
          onSearch={(q) => update({ q })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t('users.role')}
          aria-label={t('users.role')}
          value={values.role || undefined}
          onChange={(role) => update({ role })}
          options={roles.map((r) => ({ value: r, label: enumLabel(t, 'role', r) }))}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          placeholder={t('users.status')}
          aria-label={t('users.status')}
          value={values.disabled || undefined}
          onChange={(disabled) => update({ disabled })}
          options={[
            { value: 'false', label: t('users.statusActive') },
            { value: 'true', label: t('users.statusDisabled') },
          ]}
          style={{ width: 120 }}
        />
      </FilterBar>
      <ErrorAlert error={request.error} />
      <ResponsiveTable<UserView>
        rowKey="id"
        size="middle"
        columns={columns}
        // An empty table scrolls nowhere: a scroll box with nothing to focus shuts out the keyboard.
        scroll={table.dataSource?.length ? { x: 1100 } : undefined}
        {...table}
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
            request.reload();
          }}
        />
      )}
      {editing && (
        <UserEditModal
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            request.reload();
          }}
        />
      )}
      {secret && <SecretModal {...secret} onClose={() => setSecret(null)} />}
    </Card>
  );
}
