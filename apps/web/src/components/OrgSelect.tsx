import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { orgsApi, type OrgKind } from '@pairing/shared';
import { call } from '../api/client.ts';
import { enumLabel, useI18n } from '../i18n/index.tsx';

type Option = { value: number; label: string };

/** Search organizations in the caller's scope by name or code, optionally of given kinds. */
export function OrgSelect({
  id,
  value,
  onChange,
  kinds,
  placeholder,
  initialOption,
  ariaLabel,
}: {
  /** Passed by Form.Item so its label points at the input. */
  id?: string;
  /** The name screen readers read where no label points at it (a filter bar). */
  ariaLabel?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  kinds?: readonly OrgKind[] | null;
  placeholder?: string;
  initialOption?: Option;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  // Keeps the chosen org's label when a later search no longer lists it.
  const [chosen, setChosen] = useState<Option | undefined>(initialOption);
  const [loading, setLoading] = useState(false);
  const kindKey = kinds?.join(',') ?? '';

  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const kindList = kindKey ? (kindKey.split(',') as OrgKind[]) : [undefined];
        const pages = await Promise.all(
          kindList.map((kind) => call(orgsApi.list, { query: { q, kind, page: 1, pageSize: 20 } })),
        );
        if (!live) return;
        setOptions(
          pages
            .flatMap((p) => p.items)
            .map((org) => ({
              value: org.id,
              label: `${org.name}（${enumLabel(t, 'kind', org.kind)}${org.districtName ? ` · ${org.districtName}` : ''}）`,
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
  }, [q, kindKey, t]);

  const shown =
    chosen && value === chosen.value && !options.some((o) => o.value === chosen.value)
      ? [chosen, ...options]
      : options;

  return (
    <Select<number, Option>
      id={id}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={(next, option) => {
        setChosen(Array.isArray(option) ? undefined : option);
        onChange?.(next);
      }}
      placeholder={placeholder ?? t('users.orgPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('common.noData')}
      options={shown}
      style={{ width: '100%' }}
    />
  );
}
