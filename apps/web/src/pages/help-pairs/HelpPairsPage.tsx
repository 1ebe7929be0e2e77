import { useEffect } from 'react';
import { Card, Select, Space, Typography } from 'antd';
import { ledgerApi } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { CoverageCard } from './CoverageCard.tsx';
import { HelpPairList } from './HelpPairList.tsx';
import { PairingHelpPairs } from './PairingHelpPairs.tsx';

/**
 * 结对帮带 "1+2" (R-ONE-PLUS-TWO). A cadre signed in for himself sees his own pairs; an
 * organization chooses one of its pairings (the only one is chosen for it) to propose, assign and
 * follow its pairs, or sees all of them with the coverage of its units.
 */
export default function HelpPairsPage() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.abilities['ledger.read'])
    return (
      <Card title={t('helpPairs.mine')}>
        <HelpPairList emptyText={t('helpPairs.emptyMine')} />
      </Card>
    );
  return <OrganizationPairs coverage={me.abilities['helpPairs.coverage']} />;
}

/** With a pairing chosen, its coverage and pairs; with all, the roll-up by unit and every pair. */
function OrganizationPairs({ coverage }: { coverage: boolean }) {
  const { t } = useI18n();
  const query = useQueryState(['pairing'] as const);
  const { data } = useRequest(() => call(ledgerApi.list, { query: { pageSize: 100 } }), []);
  const pairings = data?.items ?? [];
  const chosen = Number(query.values.pairing) || undefined;
  const only = pairings.length === 1 ? pairings[0].id : undefined;
  useEffect(() => {
    if (only && !chosen) query.update({ pairing: only });
  }, [only, chosen, query]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {coverage && !chosen && <CoverageCard />}
      <Card title={t('helpPairs.title')}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Select
            allowClear
            value={chosen}
            onChange={(id) => query.update({ pairing: id ?? null })}
            placeholder={t('helpPairs.allPairings')}
            options={pairings.map((p) => ({
              value: p.id,
              label: `${p.urbanOrg.name} ↔ ${p.ruralOrg.name}`,
            }))}
            style={{ width: '100%' }}
            aria-label={t('helpPairs.choosePairing')}
            data-testid="help-pairing"
          />
          {chosen ? (
            <PairingHelpPairs pairingId={chosen} />
          ) : (
            <>
              <Typography.Text type="secondary">{t('helpPairs.hint')}</Typography.Text>
              <HelpPairList />
            </>
          )}
        </Space>
      </Card>
    </Space>
  );
}
