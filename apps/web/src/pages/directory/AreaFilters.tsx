import { Select } from 'antd';
import { directoryApi } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

/**
 * District and town filters of a round's 名录, from the round's own targets: a unit's scope holds
 * no district, so the directory's scoped district list would offer it nothing.
 */
export function AreaFilters({
  roundId,
  district,
  town,
  onChange,
}: {
  roundId: number;
  district: string;
  town: string;
  onChange: (patch: { district?: string; town?: string }) => void;
}) {
  const { t } = useI18n();
  const { data, loading } = useRequest(
    () => call(directoryApi.areas, { params: { id: roundId } }),
    [roundId],
  );
  const districts = data?.districts ?? [];
  const towns = district
    ? (districts.find((d) => String(d.id) === district)?.towns ?? [])
    : districts.flatMap((d) => d.towns);
  // Each filter searches its own options by name; picking a district clears the town.
  const filter = (
    key: 'district' | 'town',
    value: string,
    options: { id: number; name: string }[],
    width: number,
    patch: (value?: string) => { district?: string; town?: string },
  ) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      placeholder={t(`choose.${key}`)}
      aria-label={t(`choose.${key}`)}
      value={value || undefined}
      onChange={(v?: string) => onChange(patch(v))}
      options={options.map((o) => ({ value: String(o.id), label: o.name }))}
      style={{ width }}
      data-testid={`filter-${key}`}
    />
  );
  return (
    <>
      {filter('district', district, districts, 140, (v) => ({ district: v, town: undefined }))}
      {filter('town', town, towns, 150, (v) => ({ town: v }))}
    </>
  );
}
