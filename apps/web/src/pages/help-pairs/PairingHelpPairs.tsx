import { useState } from 'react';
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { helpPairsApi } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { HelpPairList } from './HelpPairList.tsx';
import { CoverageStats } from './labels.tsx';
import { ProposeModal } from './ProposeModal.tsx';

/** A pairing's "1+2": its coverage, the village's proposing, and its pairs. */
export function PairingHelpPairs({ pairingId }: { pairingId: number }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [proposing, setProposing] = useState(false);
  const { data, error, loading } = useRequest(
    () => call(helpPairsApi.overview, { params: { id: pairingId } }),
    [pairingId, version],
  );
  if (loading && !data) return <Spin />;
  if (error || !data) return <Alert type="error" showIcon title={error?.message} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('helpCoverage.title')}>
        <CoverageStats coverage={data.coverage} />
      </Card>
      <Typography.Text type="secondary">{t('helpPairs.hint')}</Typography.Text>
      {data.abilities.propose && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setProposing(true)}
          data-testid="help-propose"
        >
          {t('helpPairs.propose')}
        </Button>
      )}
      <HelpPairList pairingId={pairingId} version={version} />
      {proposing && (
        <ProposeModal
          pairingId={pairingId}
          onClose={() => setProposing(false)}
          onDone={() => {
            setProposing(false);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Space>
  );
}
