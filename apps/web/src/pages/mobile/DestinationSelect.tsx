import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { mobileApi } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { enumLabel, useI18n } from '../../i18n/index.tsx';

/** Any organization by name (a member may flow into another district): the inflow org. */
export function DestinationSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    if (q.trim().length < 2) return;
    let live = true;
    const timer = setTimeout(async () => {
      try {
        const { items } = await call(mobileApi.destinations, { query: { q } });
        if (live)
          setOptions(
            items.map((o) => ({
              value: o.id,
              label: `${o.name}（${enumLabel(t, 'kind', o.kind)}${o.parentName ? ` · ${o.parentName}` : ''}）`,
            })),
          );
      } catch {
        if (live) setOptions([]);
      }
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, t]);
  return (
    <Select
      id={id}
      showSearch
      filterOption={false}
      value={value}
      onChange={onChange}
      onSearch={setQ}
      options={options}
      data-testid="mobile-inflow-org"
    />
  );
}
