import { useState } from 'react';
import { Select } from 'antd';
import { helpPairsApi, type HelpCandidateRole } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { personLabel } from './labels.tsx';

/** One of the people the caller may name in the pairing as `role`, searched by name. */
export function PersonSelect({
  pairingId,
  role,
  value,
  onChange,
  id,
}: {
  pairingId: number;
  role: HelpCandidateRole;
  value?: number;
  onChange?: (value: number) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const { data, loading } = useRequest(
    () =>
      call(helpPairsApi.candidates, {
        params: { id: pairingId },
        query: { role, q: q || undefined },
      }),
    [pairingId, role, q],
  );
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder={t('helpPairs.search')}
      options={(data?.items ?? []).map((p) => ({ value: p.id, label: personLabel(p) }))}
      notFoundContent={loading ? null : t('common.noData')}
      data-testid={`candidate-${role}`}
    />
  );
}
