import { Link, Navigate } from 'react-router';
import { Alert, Card, Empty, List, Spin, Tag } from 'antd';
import { roundsApi } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { isActive, stateColor } from '../rounds/api.ts';
import { roundStateLabel } from '../rounds/labels.ts';
import { PublicShell } from './PublicShell.tsx';

const loadPublicRounds = () => call(roundsApi.listPublic);

/** The login page's board link: the one round under way opens directly, otherwise a choice. */
export default function BoardIndexPage() {
  const { t } = useI18n();
  const { data, error, loading } = useRequest(loadPublicRounds, []);
  const items = data?.items ?? [];
  const active = items.filter(isActive);
  if (active.length === 1) return <Navigate to={`/board/${active[0].id}`} replace />;
  return (
    <PublicShell>
      <Card title={t('board.pickRound')}>
        {error && <Alert type="error" showIcon title={error.message} />}
        {loading ? (
          <Spin />
        ) : items.length === 0 && !error ? (
          <Empty description={t('rounds.none')} />
        ) : (
          <List
            dataSource={items}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Link key="directory" to={`/board/${r.id}/directory`}>
                    {t('publicDirectory.open')}
                  </Link>,
                ]}
              >
                <Link to={`/board/${r.id}`}>{r.name}</Link>
                <Tag color={stateColor[r.state]}>{roundStateLabel(t, r.state)}</Tag>
              </List.Item>
            )}
          />
        )}
      </Card>
    </PublicShell>
  );
}
