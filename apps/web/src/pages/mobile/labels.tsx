import { Tag } from 'antd';
import type { MobileDutyStatusKind, MobileState } from '@pairing/shared';
import type { MessageKey, Translate } from '../../i18n/index.tsx';

const stateColors: Record<MobileState, string> = {
  registered: 'default',
  sent: 'processing',
  queried: 'warning',
  received: 'success',
  returned: 'default',
};

export const StateTag = ({ t, state }: { t: Translate; state: MobileState }) => (
  <Tag color={stateColors[state]}>{t(`mobile.state.${state}` as MessageKey)}</Tag>
);

const statusColors: Record<MobileDutyStatusKind, string> = {
  done: 'success',
  late: 'gold',
  due: 'processing',
  overdue: 'error',
  notYet: 'default',
  notApplicable: 'default',
};

export const DutyStatusTag = ({ t, status }: { t: Translate; status: MobileDutyStatusKind }) => (
  <Tag color={statusColors[status]}>{t(`mobile.status.${status}` as MessageKey)}</Tag>
);

/** 2026-03-01T01:00:00.000Z → 2026-03-01 (China time). */
export const dayOf = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
