import { useParams } from 'react-router';
import { Alert, Result, Space, Spin, Tabs } from 'antd';
import { ledgerApi } from '@pairing/shared';
import { ApiError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { PairingHelpPairs } from '../help-pairs/PairingHelpPairs.tsx';
import { ArchiveActions } from './ArchiveActions.tsx';
import { ComplianceTab } from './ComplianceTab.tsx';
import { PairingHeader } from './PairingHeader.tsx';
import { ProjectsTab } from './ProjectsTab.tsx';
import { RecordsTab } from './RecordsTab.tsx';
import { RosterTab } from './RosterTab.tsx';
import { TaxCap } from './TaxCap.tsx';

const tabs = ['compliance', 'records', 'roster', 'projects', 'helpPairs', 'archive'] as const;
type Tab = (typeof tabs)[number];

/**
 * 结对档案: the pair, its duties' status per rule and period, its records, the unit's roster and
 * the agreement's projects and commitments, and its money and archive (R-TAX-CAP, R-ARCHIVE). The tab lives in the URL, so going back from a record
 * lands on the records again.
 */
export default function PairingPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const phone = useIsPhone();
  const query = useQueryState(['tab', 'type', 'state'] as const);
  const { data, error, loading, reload } = useRequest(
    () => call(ledgerApi.get, { params: { id: Number(id) } }),
    [id],
  );

  if (loading && !data) return <Spin size="large" className="app-page-spin" />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('pairing.notFound')} />;
  if (error || !data) return <Alert type="error" showIcon title={error?.message} />;
  const tab: Tab = tabs.find((name) => name === query.values.tab) ?? 'compliance';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PairingHeader pairing={data} onChanged={reload} />
      <Tabs
        activeKey={tab}
        // Six tabs fit a 390 px screen side by side with a narrower gap; overflowing, antd would
        // hide some behind a "more" button.
        tabBarGutter={phone ? 16 : undefined}
        onChange={(key) => query.update({ tab: key === 'compliance' ? null : key })}
        items={[
          {
            key: 'compliance',
            label: t('pairing.tab.compliance'),
            children: <ComplianceTab pairing={data} />,
          },
          {
            key: 'records',
            label: t('pairing.tab.records'),
            children: <RecordsTab pairing={data} query={query} />,
          },
          {
            key: 'roster',
            label: t('pairing.tab.roster'),
            children: <RosterTab pairing={data} onChanged={reload} />,
          },
          {
            key: 'projects',
            label: t('pairing.tab.projects'),
            children: <ProjectsTab pairing={data} />,
          },
          {
            key: 'helpPairs',
            label: t('helpPairs.tab'),
            children: <PairingHelpPairs pairingId={data.id} />,
          },
          {
            key: 'archive',
            label: t('pairing.tab.archive'),
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <TaxCap pairingId={data.id} year={new Date().getFullYear()} />
                <ArchiveActions
                  pairingId={data.id}
                  canImport={data.abilities.record}
                  canExport={data.abilities.export}
                />
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
