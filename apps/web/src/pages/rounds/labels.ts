import type { RoundState } from '@pairing/shared';
import type { MessageKey, Translate } from '../../i18n/index.tsx';

export const roundStateLabel = (t: Translate, state: RoundState) =>
  t(`roundState.${state}` as MessageKey);

/** Whole yuan with thousands separators, as the agreement and the board show amounts. */
export const yuan = (amount: number | null | undefined) =>
  amount == null ? '—' : `¥${amount.toLocaleString('zh-CN')}`;

/** A policy pack's name; an id this version of the app does not know shows as-is. */
export function packLabel(t: Translate, id: string) {
  const key = `pack.${id}` as MessageKey;
  const text = t(key);
  return text === key ? id : text;
}
