import { Tag, Typography } from 'antd';
import type { NeedItem } from '@pairing/shared';
import { useI18n } from '../../i18n/index.tsx';

/** A 需求清单 or 资源清单 in full: each item's category, description and amount. */
export function ItemList({
  items,
  empty,
  testId,
}: {
  items: NeedItem[];
  empty: string;
  testId?: string;
}) {
  const { t } = useI18n();
  if (!items.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ul style={{ margin: 0, padding: 0, listStyle: 'none' }} data-testid={testId}>
      {items.map((item, i) => (
        <li key={i} style={{ marginBottom: 4, overflowWrap: 'anywhere' }}>
          <Tag bordered={false} color="blue">
            {item.category}
          </Tag>
          {item.note && <span>{item.note}</span>}
          {item.amount != null && (
            <Typography.Text strong style={{ marginLeft: 6, whiteSpace: 'nowrap' }}>
              {t('choose.amount', { amount: item.amount.toLocaleString('zh-CN') })}
            </Typography.Text>
          )}
        </li>
      ))}
    </ul>
  );
}
