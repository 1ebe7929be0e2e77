import { useNavigate } from 'react-router';
import { App, Alert, Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { notificationsApi, type NotificationView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';

const filterKeys = ['unread'] as const;

/** 消息提醒: deadlines 7 days and 1 day ahead, and confirmations waiting on the organization. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { values, page, pageSize, update } = useQueryState(filterKeys);
  const { data, error, loading, reload } = useRequest(
    () =>
      call(notificationsApi.list, {
        query: { unread: values.unread ? true : undefined, page, pageSize },
      }),
    [values.unread, page, pageSize],
  );

  const markRead = async (n: NotificationView) => {
    if (!n.readAt)
      await call(notificationsApi.read, { params: { id: n.id } }).catch(() => undefined);
    if (n.link) navigate(n.link);
    else reload();
  };

  const markAll = async () => {
    try {
      await call(notificationsApi.readAll);
      message.success(t('notifications.allRead'));
      reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card
      title={t('menu.notifications')}
      extra={
        <Space>
          <Segmented
            value={values.unread ? 'unread' : 'all'}
            onChange={(v) => update({ unread: v === 'unread' ? 'true' : null })}
            options={[
              { value: 'all', label: t('inbox.all') },
              { value: 'unread', label: t('notifications.unread') },
            ]}
          />
          <Button onClick={markAll} disabled={!data?.unread}>
            {t('notifications.markAll')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('notifications.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          onChange: (p, size) => update({ page: p, pageSize: size }),
        }}
        renderItem={(n) => (
          <List.Item
            onClick={() => markRead(n)}
            style={{ cursor: 'pointer' }}
            extra={
              <Typography.Text type="secondary">
                {new Date(n.createdAt).toLocaleString('zh-CN')}
              </Typography.Text>
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {!n.readAt && <Tag color="red">{t('notifications.new')}</Tag>}
                  {n.title}
                </Space>
              }
              description={n.body}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
