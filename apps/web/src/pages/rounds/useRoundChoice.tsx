import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { Select, Tag } from 'antd';
import { roundsApi, type RoundView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { isActive, stateColor } from './api.ts';
import { roundStateLabel } from './labels.ts';

const loadRounds = () => call(roundsApi.list);

/**
 * The round a page works on, kept in the URL (`?round=`) so a link opens the same round. Without
 * one it is the newest round under way; the server lists the newest first.
 */
export function useRoundChoice() {
  const { data, error, loading, reload } = useRequest(loadRounds, []);
  const [params, setParams] = useSearchParams();
  const rounds = data?.items ?? [];
  const wanted = Number(params.get('round'));
  const round = rounds.find((r) => r.id === wanted) ?? rounds.find(isActive) ?? rounds[0] ?? null;
  const select = useCallback(
    (id: number) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('round', String(id));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { rounds, round, select, loading, error, reload };
}

export function RoundPicker({
  rounds,
  round,
  onSelect,
}: {
  rounds: RoundView[];
  round: RoundView | null;
  onSelect: (id: number) => void;
}) {
  const { t } = useI18n();
  return (
    <Select
      data-testid="round-picker"
      style={{ minWidth: 280 }}
      placeholder={t('rounds.pick')}
      aria-label={t('rounds.pick')}
      value={round?.id}
      onChange={onSelect}
      options={rounds.map((r) => ({
        value: r.id,
        label: (
          <span>
            {r.name}{' '}
            <Tag color={stateColor[r.state]} bordered={false}>
              {roundStateLabel(t, r.state)}
            </Tag>
          </span>
        ),
      }))}
    />
  );
}
