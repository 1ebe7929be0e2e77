import { Alert, App, Button, Card, Input, Popconfirm, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { securityApi, type AnySessionView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

const time = (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm');

/** 会话管理: every business account's sessions; the security administrator ends one. */
export default function SessionsAdminPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const sessions = useRequest(
    () => call(securityApi.sessions, { query: { q: q || undefined, pageSize: 100 } }),
    [q],
  );

  const end = async (session: AnySessionView) => {
    try {
      await call(securityApi.endSession, { params: { id: session.id } });
      message.success(t('account.ended'));
      sessions.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ResponsiveColumns<AnySessionView> = [
    {
      key: 'user',
      title: t('security.user'),
      render: (_, s) => `${s.displayName}（${s.username}）`,
    },
    { key: 'device', title: t('account.device'), dataIndex: 'device' },
    { key: 'ip', title: t('account.ip'), dataIndex: 'ip' },
    { key: 'since', title: t('account.since'), dataIndex: 'createdAt', render: time },
    { key: 'lastSeen', title: t('account.lastSeen'), dataIndex: 'lastSeenAt', render: time },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, s) => (
        <Popconfirm title={t('account.endConfirm')} onConfirm={() => end(s)}>
          <Button danger size="small" data-testid={`end-any-session-${s.id}`}>
            {t('account.end')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title={t('security.sessions')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.Search
          allowClear
          placeholder={t('security.searchUser')}
          onSearch={setQ}
          style={{ maxWidth: 320 }}
          data-testid="sessions-search"
        />
        {sessions.error ? (
          <Alert type="error" showIcon message={sessions.error.message} />
        ) : (
          <ResponsiveTable
            rowKey="id"
            loading={!sessions.data}
            columns={columns}
            dataSource={sessions.data?.items ?? []}
          />
        )}
      </Space>
    </Card>
  );
}
