import { useNavigate } from 'react-router';
import { Button, Dropdown } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { recordTypes } from '@pairing/shared';
import { useI18n } from '../../i18n/index.tsx';

/** 记一笔: pick what to record, then fill its form. */
export function NewRecordButton({ pairingId, block }: { pairingId: number; block?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: recordTypes.map((type) => ({
          key: type,
          label: t(`recordType.${type}`),
          'data-testid': `new-record-${type}`,
        })),
        onClick: ({ key }) => navigate(`/pairings/${pairingId}/records/new?type=${key}`),
      }}
    >
      <Button type="primary" icon={<EditOutlined />} block={block} data-testid="new-record">
        {t('ledger.newRecord')}
      </Button>
    </Dropdown>
  );
}
