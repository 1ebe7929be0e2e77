import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { notificationsApi, type NotificationPage } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { bellQuery } from './bell-query.ts';

const pollMs = 60_000;

/** The header bell: unread reminders for the user's organization, checked once a minute. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [data, setData] = useState<NotificationPage | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let live = true;
    const load = () =>
      call(notificationsApi.list, { query: bellQuery })
        .then((page) => live && setData(page))
        .catch(() => live && setData(null));
    void load();
    const timer = setInterval(load, pollMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [open]);

  const go = (link: string) => {
    setOpen(false);
    navigate(link);
  };

  const content = (
    <div style={{ width: 340 }}>
      {data?.items.length ? (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: n.link ? 'pointer' : undefined }}
              onClick={() => n.link && go(n.link)}
            >
              <List.Item.Meta
                title={n.title}
                description={<Typography.Text type="secondary">{n.body}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.noneUnread')} />
      )}
      <Button type="link" block onClick={() => go('/notifications')}>
        {t('notifications.all')}
      </Button>
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('menu.notifications')}
      content={content}
    >
      <Badge count={data?.unread ?? 0} size="small" offset={[-2, 2]}>
        <Button
          type="text"
          icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
          aria-label={t('menu.notifications')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
