import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { roundsApi, type RoundInput, type RoundWithAbilities } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { useRequest } from '../../lib/useRequest.ts';

type Values = {
  name: string;
  periodStart?: Dayjs;
  periodEnd?: Dayjs;
  policyPackId: string;
  intentionDeadline?: Dayjs;
  signingDeadline?: Dayjs;
  termEnd?: Dayjs;
  villageCap: number;
  previousRoundId?: number | null;
};

const packIds = ['sh-2010', 'ah-2011', 'town-2010'] as const;
const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);

/**
 * Create a round. The deadlines follow S1 §8 unless changed: intentions by 30 April
 * (R-DEADLINE-INTENT), agreements by 1 July (R-DEADLINE-SIGN) of the first year, the term
 * ending with the round (R-TERM); the form fills them when the period is chosen. The round it
 * continues (续签自) is named here: its signed pairs may renew (R-ROUND-RENEW).
 */
export function RoundFormModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (round: RoundWithAbilities) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const earlier = useRequest(
    () => (open ? call(roundsApi.list) : Promise.resolve(undefined)),
    [open],
  );
  const previousOptions = (earlier.data?.items ?? [])
    .filter((r) => r.state !== 'draft')
    .map((r) => ({ value: r.id, label: `${r.name}（${r.periodStart} — ${r.periodEnd}）` }));

  const fillDefaults = (changed: Partial<Values>) => {
    if (changed.periodStart) {
      const year = changed.periodStart.year();
      if (!form.isFieldTouched('intentionDeadline'))
        form.setFieldValue('intentionDeadline', dayjs(`${year}-04-30`));
      if (!form.isFieldTouched('signingDeadline'))
        form.setFieldValue('signingDeadline', dayjs(`${year}-07-01`));
    }
    if (changed.periodEnd && !form.isFieldTouched('termEnd'))
      form.setFieldValue('termEnd', changed.periodEnd);
  };

  const { saving, submit } = useFormSubmit(
    form,
    async (values: Values) => {
      setError(null);
      const body: RoundInput = {
        name: values.name,
        periodStart: day(values.periodStart)!,
        periodEnd: day(values.periodEnd)!,
        policyPackId: values.policyPackId,
        intentionDeadline: day(values.intentionDeadline),
        signingDeadline: day(values.signingDeadline),
        termEnd: day(values.termEnd),
        villageCap: values.villageCap,
        previousRoundId: values.previousRoundId ?? null,
      };
      const { round } = await call(roundsApi.create, { body });
      form.resetFields();
      onCreated(round);
    },
    setError,
  );

  const dateItem = (name: keyof Values, label: string, help?: string, required = false) => (
    <Form.Item
      name={name}
      label={label}
      extra={help}
      rules={required ? [{ required: true, message: t('rounds.dateRequired') }] : []}
    >
      <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid={`round-${name}`} />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={t('rounds.create')}
      okText={t('rounds.createSubmit')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={fillDefaults}
        initialValues={{ policyPackId: 'sh-2010', villageCap: 2 }}
      >
        <Form.Item
          name="name"
          label={t('rounds.name')}
          rules={[{ required: true, whitespace: true, message: t('rounds.nameRequired') }]}
        >
          <Input placeholder={t('rounds.namePlaceholder')} maxLength={100} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          {dateItem('periodStart', t('rounds.periodStart'), undefined, true)}
          {dateItem('periodEnd', t('rounds.periodEnd'), undefined, true)}
          {dateItem('intentionDeadline', t('rounds.intentionDeadline'), t('rounds.intentionHelp'))}
          {dateItem('signingDeadline', t('rounds.signingDeadline'), t('rounds.signingHelp'))}
          {dateItem('termEnd', t('rounds.termEnd'), t('rounds.termHelp'))}
          <Form.Item name="villageCap" label={t('rounds.villageCap')} extra={t('rounds.capHelp')}>
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item
          name="previousRoundId"
          label={t('rounds.previousRound')}
          extra={t('rounds.previousRoundHelp')}
        >
          <Select
            allowClear
            placeholder={t('rounds.previousRoundNone')}
            loading={earlier.loading}
            options={previousOptions}
            style={{ width: '100%' }}
            data-testid="round-previous"
          />
        </Form.Item>
        <Form.Item name="policyPackId" label={t('rounds.policyPack')}>
          <Select
            options={packIds.map((id) => ({ value: id, label: t(`pack.${id}`) }))}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
