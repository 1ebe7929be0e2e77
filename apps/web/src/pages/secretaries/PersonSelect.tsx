import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { peopleApi } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';

type Option = { value: number; label: string };

/** Search the registry's people tagged 村党组织书记 in the caller's scope (numbers masked). */
export function PersonSelect({
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
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const page = await call(peopleApi.list, {
          query: { q: q || undefined, tag: 'villageSecretary', page: 1, pageSize: 20 },
        });
        if (live)
          setOptions(
            page.items.map((p) => ({
              value: p.id,
              label: `${p.name}（${p.orgName} · ${p.idNumberMasked}）`,
            })),
          );
      } catch {
        if (live) setOptions([]);
      } finally {
        if (live) setLoading(false);
      }
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('secretaries.personSearch')}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      style={{ width: '100%' }}
      data-testid="person-select"
    />
  );
}
