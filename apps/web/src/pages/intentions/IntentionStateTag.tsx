import { Tag } from 'antd';
import type { IntentionState } from '@pairing/shared';
import type { MessageKey } from '../../i18n/index.tsx';
import { useI18n } from '../../i18n/index.tsx';

const colors: Record<IntentionState, string> = {
  pending: 'processing',
  accepted: 'success',
  declined: 'error',
  withdrawn: 'default',
};

export function IntentionStateTag({ state }: { state: IntentionState }) {
  const { t } = useI18n();
  return (
    <Tag color={colors[state]} data-testid={`intention-state-${state}`}>
      {t(`intentionState.${state}` as MessageKey)}
    </Tag>
  );
}
