import { Link } from 'react-router';
import { Alert, Badge, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { todoApi, type TodoItem } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

/** Overdue, or due within this many days: shown in red. */
const URGENT_DAYS = 3;

export const isUrgent = (item: TodoItem) => item.daysLeft !== null && item.daysLeft <= URGENT_DAYS;

function deadlineText(t: Translate, item: TodoItem) {
  if (item.deadline === null || item.daysLeft === null) return t('todo.noDeadline');
  if (item.daysLeft < 0) return t('todo.overdue', { date: item.deadline, days: -item.daysLeft });
  if (item.daysLeft === 0) return t('todo.dueToday', { date: item.deadline });
  return t('todo.due', { date: item.deadline, days: item.daysLeft });
}

function TodoRow({ item }: { item: TodoItem }) {
  const { t } = useI18n();
  const urgent = isUrgent(item);
  return (
    <li
      data-testid={`todo-${item.kind}`}
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0', listStyle: 'none' }}
    >
      <Flex justify="space-between" align="center" gap={12}>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong>{t(`todo.kind.${item.kind}`)}</Typography.Text>
            <Badge
              count={t('todo.count', { count: item.count })}
              color={urgent ? '#cf1322' : '#595959'}
            />
          </Flex>
          <Typography.Paragraph style={{ margin: '4px 0 0', overflowWrap: 'anywhere' }}>
            {item.title}
          </Typography.Paragraph>
          <Typography.Text
            type={urgent ? 'danger' : 'secondary'}
            strong={urgent}
            data-testid="todo-deadline"
          >
            {deadlineText(t, item)}
          </Typography.Text>
        </div>
        <Link to={item.link} data-testid="todo-link">
          <Button type={urgent ? 'primary' : 'default'} danger={urgent}>
            {t('todo.go')}
            <RightOutlined />
          </Button>
        </Link>
      </Flex>
    </li>
  );
}

/**
 * 我的待办 (issue 13 item 2): what awaits the caller's organization, soonest deadline first as the
 * server orders it, each with the page where it is done.
 */
export function TodoList() {
  const { t } = useI18n();
  const { data, error, loading } = useRequest(() => call(todoApi.list), []);
  const items = data?.items ?? [];
  return (
    <Card title={t('todo.title')} styles={{ body: { paddingTop: 4, paddingBottom: 4 } }}>
      {error && <Alert type="error" showIcon title={error.message} />}
      {loading ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <div>{t('todo.empty')}</div>
              <Typography.Text type="secondary">{t('todo.emptyHint')}</Typography.Text>
            </>
          }
        />
      ) : (
        <ul data-testid="todo" style={{ margin: 0, padding: 0 }}>
          {items.map((item) => (
            <TodoRow key={`${item.kind}|${item.deadline}|${item.link}|${item.title}`} item={item} />
          ))}
        </ul>
      )}
    </Card>
  );
}
