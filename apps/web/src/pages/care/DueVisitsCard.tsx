import { Alert, Card, List, Space, Spin, Typography } from 'antd';
import { careApi, type DueVisit } from '@pairing/shared';
import { Link } from 'react-router';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { compactCard } from '../ledger/labels.tsx';
import { daysText, VisitTag } from './labels.tsx';

/**
 * 节日慰问 (R-CARE): the next Spring Festival (lunar calendar) and 七一 with their dates and days
 * left, and the people in scope to visit, listed from 30 days before each festival, overdue ones
 * first.
 */
export function DueVisitsCard() {
  const { t } = useI18n();
  const { data, error, loading } = useRequest(
    () => call(careApi.dueVisits, { query: { page: 1, pageSize: 50 } }),
    [],
  );
  const count = (state: DueVisit['state']) =>
    data?.items.filter((item) => item.state === state).length ?? 0;
  return (
    <Card
      title={t('care.visits')}
      size="small"
      styles={compactCard}
      style={{ marginBottom: 12 }}
      data-testid="due-visits"
    >
      {error && <Alert type="error" showIcon title={error.message} />}
      {loading && !data && <Spin />}
      {data && (
        <>
          <Space wrap size="large" style={{ marginBottom: 8 }}>
            {data.festivals.map((f) => (
              <span key={f.festival} data-testid={`festival-${f.festival}`}>
                <Typography.Text strong>
                  {t('care.festivalOn', {
                    festival: t(`care.festival.${f.festival}`),
                    date: f.date,
                  })}
                </Typography.Text>{' '}
                <Typography.Text type="secondary">{daysText(t, f.daysLeft)}</Typography.Text>
              </span>
            ))}
          </Space>
          {data.total > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t('care.visitCount', {
                due: count('due'),
                overdue: count('overdue'),
                recorded: count('recorded'),
              })}
            </Typography.Paragraph>
          )}
          <List
            size="small"
            dataSource={data.items}
            locale={{ emptyText: t('care.visitsEmpty') }}
            renderItem={(item) => (
              <List.Item extra={<VisitTag state={item.state} />}>
                <Link to={`/care/${item.caseId}`}>{item.person.name}</Link>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {t(`care.festival.${item.festival}`)} · {item.person.orgName}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
