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
  return (
    <>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        placeholder={t('choose.district')}
        aria-label={t('choose.district')}
        value={district || undefined}
        onChange={(value?: string) => onChange({ district: value, town: undefined })}
        options={districts.map((d) => ({ value: String(d.id), label: d.name }))}
        style={{ width: 140 }}
        data-testid="filter-district"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        placeholder={t('choose.town')}
        aria-label={t('choose.town')}
        value={town || undefined}
        onChange={(value?: string) => onChange({ town: value })}
        options={towns.map((d) => ({ value: String(d.id), label: d.name }))}
        style={{ width: 150 }}
        data-testid="filter-town"
      />
    </>
  );
}
