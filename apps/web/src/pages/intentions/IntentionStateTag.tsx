import { Space, Tag, Typography } from 'antd';
import type { IntentionState } from '@pairing/shared';
import type { MessageKey } from '../../i18n/index.tsx';
import { useI18n } from '../../i18n/index.tsx';

const colors: Record<IntentionState, string> = {
  pending: 'processing',
  accepted: 'success',
  declined: 'error',
  withdrawn: 'default',
  lapsed: 'warning',
};

/** An intention's state; a lapsed one also says why, to both sides (a round's stage change). */
export function IntentionStateTag({
  state,
  reason,
}: {
  state: IntentionState;
  reason?: string | null;
}) {
  const { t } = useI18n();
  const tag = (
    <Tag color={colors[state]} data-testid={`intention-state-${state}`}>
      {t(`intentionState.${state}` as MessageKey)}
    </Tag>
  );
  if (!reason) return tag;
  return (
    <Space orientation="vertical" size={2}>
      {tag}
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="intention-reason">
        {t('intentions.closedReason', { reason })}
      </Typography.Text>
    </Space>
  );
}
