import { Select } from 'antd';
import { orgsApi } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

const loadDistricts = () =>
  call(orgsApi.list, { query: { kind: 'district', page: 1, pageSize: 100 } });

/** Districts inside the caller's scope (a district admin sees only their own). */
export function DistrictSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useI18n();
  const { data, loading } = useRequest(loadDistricts, []);
  // A district admin's scope holds one district (or none): nothing to choose between.
  if (!loading && (data?.items.length ?? 0) <= 1 && !value) return null;
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      placeholder={t('directory.district')}
      aria-label={t('directory.district')}
      value={value || undefined}
      onChange={onChange}
      options={(data?.items ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
      style={{ width: 150 }}
    />
  );
}
