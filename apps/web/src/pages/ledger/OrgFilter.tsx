import { useEffect, useState } from 'react';
import { Select, Spin, Tag } from 'antd';
import { orgsApi, type OrgKind } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

/** The list's organization filters (`GET /api/pairings` query keys) by the kind they take. */
export const orgFilterKeys = ['district', 'town', 'committee', 'unit', 'village'] as const;
export type OrgFilterKey = (typeof orgFilterKeys)[number];

const keyOfKind: Partial<Record<OrgKind, OrgFilterKey>> = {
  district: 'district',
  town: 'town',
  working_committee: 'committee',
  urban_unit: 'unit',
  village: 'village',
};

type Option = { value: number; label: string; kind: OrgKind };

/**
 * One search box for any district, town, working committee, unit or village (one box instead of
 * five selects fits a phone), with the chosen ones as removable tags above the list.
 */
export function OrgFilter({
  values,
  onChange,
}: {
  values: Record<OrgFilterKey, string>;
  onChange: (patch: Partial<Record<OrgFilterKey, string | null>>) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);

  // Searched only once the box is opened: a list page should not fetch the directory on load.
  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const page = await call(orgsApi.list, { query: { q, page: 1, pageSize: 30 } });
        if (!live) return;
        setOptions(
          page.items
            .filter((org) => keyOfKind[org.kind])
            .map((org) => ({
              value: org.id,
              kind: org.kind,
              label: `${org.name}（${enumLabel(t, 'kind', org.kind)}${org.districtName && org.kind !== 'district' ? ` · ${org.districtName}` : ''}）`,
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
  }, [q, open, t]);

  const chosen = orgFilterKeys.filter((key) => values[key]);
  return (
    <>
      <Select<number | null, Option>
        value={null}
        showSearch={{ filterOption: false, onSearch: setQ }}
        onOpenChange={setOpen}
        placeholder={t('pairings.orgFilter')}
        aria-label={t('pairings.orgFilter')}
        notFoundContent={loading ? <Spin size="small" /> : t('common.noData')}
        options={options}
        onChange={(_, option) => {
          const kind = option && !Array.isArray(option) ? option.kind : undefined;
          const key = kind && keyOfKind[kind];
          if (key && option && !Array.isArray(option)) onChange({ [key]: String(option.value) });
        }}
        style={{ width: 240, maxWidth: '100%' }}
        data-testid="org-filter"
      />
      {chosen.map((key) => (
        <OrgChip key={key} which={key} id={values[key]} onClose={() => onChange({ [key]: null })} />
      ))}
    </>
  );
}

/** A chosen organization, named by the directory (a drill-down link carries only its id). */
function OrgChip({ which, id, onClose }: { which: OrgFilterKey; id: string; onClose: () => void }) {
  const { t } = useI18n();
  const { data } = useRequest(() => call(orgsApi.get, { params: { id: Number(id) } }), [id]);
  return (
    <Tag closable onClose={onClose} color="blue" data-testid={`org-chip-${which}`}>
      {t(`pairings.filter.${which}`)}：{data?.org.name ?? `#${id}`}
    </Tag>
  );
}
