import { App, Alert, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { authApi, type SessionView, type SignInView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

const time = (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm');

/** 账号安全: the user's signed-in devices (to end one) and recent sign-ins (issue 16 item 12). */
export default function SecurityPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const sessions = useRequest(() => call(authApi.sessions), []);
  const signIns = useRequest(() => call(authApi.signIns), []);
  const device = (d: string) => d || t('account.unknownDevice');

  const end = async (session: SessionView) => {
    try {
      await call(authApi.endSession, { params: { id: session.id } });
      message.success(t('account.ended'));
      sessions.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const sessionColumns: ResponsiveColumns<SessionView> = [
    {
      key: 'device',
      title: t('account.device'),
      render: (_, s) => (
        <Space wrap>
          {device(s.device)}
          {s.current && <Tag color="green">{t('account.current')}</Tag>}
        </Space>
      ),
    },
    { key: 'ip', title: t('account.ip'), dataIndex: 'ip' },
    { key: 'since', title: t('account.since'), dataIndex: 'createdAt', render: time },
    { key: 'lastSeen', title: t('account.lastSeen'), dataIndex: 'lastSeenAt', render: time },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, s) =>
        s.current ? null : (
          <Popconfirm title={t('account.endConfirm')} onConfirm={() => end(s)}>
            <Button danger size="small" data-testid={`end-session-${s.id}`}>
              {t('account.end')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  const signInColumns: ResponsiveColumns<SignInView> = [
    { key: 'at', title: t('account.signInAt'), dataIndex: 'at', render: time },
    {
      key: 'ok',
      title: t('account.signInResult'),
      dataIndex: 'ok',
      render: (ok: boolean) =>
        ok ? (
          <Tag color="green">{t('account.signInOk')}</Tag>
        ) : (
          <Tag color="red">{t('account.signInFailed')}</Tag>
        ),
    },
    { key: 'ip', title: t('account.ip'), dataIndex: 'ip' },
    { key: 'device', title: t('account.device'), dataIndex: 'device', render: device },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`${t('account.security')} · ${t('account.sessions')}`}>
        <Typography.Paragraph type="secondary">{t('account.sessionsHint')}</Typography.Paragraph>
        {sessions.error ? (
          <Alert type="error" showIcon message={sessions.error.message} />
        ) : (
          <ResponsiveTable<SessionView>
            rowKey="id"
            data-testid="sessions"
            loading={sessions.loading}
            columns={sessionColumns}
            dataSource={sessions.data?.items ?? []}
            pagination={false}
          />
        )}
      </Card>
      <Card title={t('account.signIns')}>
        {signIns.error ? (
          <Alert type="error" showIcon message={signIns.error.message} />
        ) : (
          <ResponsiveTable<SignInView>
            rowKey="id"
            data-testid="sign-ins"
            loading={signIns.loading}
            columns={signInColumns}
            dataSource={signIns.data?.items ?? []}
            pagination={false}
          />
        )}
      </Card>
    </Space>
  );
}
