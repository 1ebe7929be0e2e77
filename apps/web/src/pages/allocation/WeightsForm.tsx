import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Form, InputNumber, Row, Switch, Typography } from 'antd';
import { allocationApi, type AllocationSettingsView } from '@pairing/shared';
import { ApiError, call } from '../../api/client.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

type Weight = Exclude<keyof AllocationSettingsView, 'includeTowns'>;

/** The weights a city organizer tunes, with the bounds packages/shared enforces again. */
const weights: Array<{ key: Weight; min: number; max: number }> = [
  { key: 'requiredPerVillage', min: 1, max: 20 },
  { key: 'base', min: 0, max: 10_000 },
  { key: 'perKm', min: 0, max: 100 },
  { key: 'unknownKm', min: 0, max: 500 },
  { key: 'maxKm', min: 0, max: 1_000 },
  { key: 'districtPair', min: 0, max: 10_000 },
  { key: 'perNeedMatch', min: 0, max: 1_000 },
  { key: 'maxNeedMatches', min: 0, max: 10 },
  { key: 'continuity', min: 0, max: 10_000 },
  { key: 'weakBudget', min: 0, max: 10_000 },
  { key: 'weakBudgetFullAt', min: 1, max: 1e10 },
  { key: 'preference', min: 0, max: 10_000 },
];

/**
 * The round's cost weights (docs/allocation.md "Cost"): read by the readers of the allocation,
 * changed by the city until signing starts; the next run uses them.
 */
export function WeightsForm({ roundId }: { roundId: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AllocationSettingsView>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { data } = useRequest(
    () => call(allocationApi.settings, { params: { id: roundId } }),
    [roundId],
  );
  useEffect(() => {
    if (data) form.setFieldsValue(data.settings);
  }, [data, form]);
  const editable = data?.abilities.configure ?? false;

  const save = async (values: AllocationSettingsView) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await call(allocationApi.putSettings, {
        params: { id: roundId },
        body: { ...data?.settings, ...values },
      });
      form.setFieldsValue(saved.settings);
      message.success(t('alloc.weights.saved'));
    } catch (e) {
      if (e instanceof ApiError)
        form.setFields(
          Object.entries(e.fields).map(([name, msg]) => ({ name: name as Weight, errors: [msg] })),
        );
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('alloc.weights.help')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" disabled={!editable} onFinish={save}>
        <Row gutter={16}>
          {weights.map((w) => (
            <Col xs={12} md={6} key={w.key}>
              <Form.Item
                name={w.key}
                label={t(`alloc.weights.${w.key}` as MessageKey)}
                rules={[{ required: true, message: t('alloc.weights.required') }]}
              >
                <InputNumber min={w.min} max={w.max} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={6}>
            <Form.Item
              name="includeTowns"
              label={t('alloc.weights.includeTowns')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {editable && (
          <Button
            type="primary"
            htmlType="submit"
            loading={saving}
            data-testid="alloc-weights-save"
          >
            {t('alloc.weights.save')}
          </Button>
        )}
      </Form>
    </>
  );
}
