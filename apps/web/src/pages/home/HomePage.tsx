import { Card, Typography } from 'antd';
import type { Role } from '@pairing/shared';
import { useMe } from '../../auth/AuthProvider.tsx';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { OrgCounts } from './OrgCounts.tsx';
import { TodoList } from './TodoList.tsx';

/** Roles overseeing many organizations, for whom counting them by kind means something. */
const overseers: ReadonlySet<Role> = new Set(['city_admin', 'district_admin', 'inspector']);

/** The home page: the to-do list first; the organization counts for those who oversee many. */
export default function HomePage() {
  const me = useMe();
  const { t } = useI18n();
  return (
    <>
      <Card>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('home.scope', { org: me.orgName, role: enumLabel(t, 'role', me.role) })}
        </Typography.Text>
      </Card>
      <TodoList />
      {overseers.has(me.role) && <OrgCounts />}
    </>
  );
}
