import { Select, Space } from 'antd';
import {
  ledgerApi,
  recordStates,
  recordTypes,
  type LedgerSide,
  type PairingView,
  type RecordState,
  type RecordType,
} from '@pairing/shared';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ListControls.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { NewRecordButton } from './NewRecordButton.tsx';
import { RecordList } from './RecordList.tsx';

type Query = ReturnType<typeof useQueryState<'tab' | 'type' | 'state'>>;

const asType = (v: string) => recordTypes.find((type) => type === v) as RecordType | undefined;
const asState = (v: string) => recordStates.find((state) => state === v) as RecordState | undefined;

/** The pairing's records, newest first, filtered by type and state (kept in the URL). */
export function RecordsTab({ pairing: p, query }: { pairing: PairingView; query: Query }) {
  const { t } = useI18n();
  const { values, page, pageSize, update } = query;
  const type = asType(values.type);
  const state = asState(values.state);
  const request = useRequest(
    () => call(ledgerApi.records, { params: { id: p.id }, query: { type, state, page, pageSize } }),
    [p.id, type, state, page, pageSize],
  );
  const sideName = (side: LedgerSide) => {
    const name = side === 'urban' ? p.urbanOrg.name : p.ruralOrg.name;
    return side === p.mySide ? t('record.ourSide', { name }) : name;
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          value={type}
          placeholder={t('record.type')}
          aria-label={t('record.type')}
          onChange={(v) => update({ type: v })}
          options={recordTypes.map((value) => ({ value, label: t(`recordType.${value}`) }))}
          style={{ width: 130 }}
          data-testid="records-type"
        />
        <Select
          allowClear
          value={state}
          placeholder={t('record.state')}
          aria-label={t('record.state')}
          onChange={(v) => update({ state: v })}
          options={recordStates.map((value) => ({ value, label: t(`recordState.${value}`) }))}
          style={{ width: 130 }}
          data-testid="records-state"
        />
        {p.abilities.record && <NewRecordButton pairingId={p.id} />}
      </Space>
      <ErrorAlert error={request.error} />
      <RecordList
        request={request}
        empty={type || state ? t('common.noMatch') : t('record.empty')}
        sideName={sideName}
        page={page}
        pageSize={pageSize}
        onPage={(next, size) => update({ page: next, pageSize: size })}
      />
    </Space>
  );
}
