import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  InputNumber,
  Space,
  Spin,
  Typography,
} from 'antd';
import { disclosureApi, type UnitTax } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { yuan } from '../rounds/labels.ts';

type Props = { year: number } & ({ pairingId: number } | { unitId: number });

function ProfitForm({ tax, onSaved }: { tax: UnitTax; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ profit: number }>();
  const { saving, submit } = useFormSubmit(form, async ({ profit }) => {
    await call(disclosureApi.setProfit, {
      params: { id: tax.unit.id, year: tax.year },
      body: { profit },
    });
    message.success(t('tax.saved'));
    onSaved();
  });
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      initialValues={{ profit: tax.profit ?? undefined }}
      style={{ marginTop: 12, rowGap: 8 }}
    >
      <Form.Item
        name="profit"
        label={t('tax.profit')}
        rules={[{ required: true, message: t('tax.profitPlaceholder') }]}
      >
        <InputNumber
          style={{ width: 200 }}
          precision={0}
          inputMode="numeric"
          placeholder={t('tax.profitPlaceholder')}
          min={-1_000_000_000_000}
          max={1_000_000_000_000}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('tax.enterProfit')}
      </Button>
    </Form>
  );
}

/**
 * R-TAX-CAP for the pairing page (or a unit's page): the year's donations through each channel,
 * and for an enterprise its deductible cap (12% of the total profit the unit enters), the
 * deductible part and the excess. The village sees the donations, not the profit.
 */
export function TaxCap(props: Props) {
  const { t } = useI18n();
  const target = 'pairingId' in props ? props.pairingId : props.unitId;
  const { data, error, reload } = useRequest(
    () =>
      'pairingId' in props
        ? call(disclosureApi.pairingTax, {
            params: { id: props.pairingId },
            query: { year: props.year },
          })
        : call(disclosureApi.unitTax, {
            params: { id: props.unitId },
            query: { year: props.year },
          }),
    ['pairingId' in props ? 'pairing' : 'unit', target, props.year],
  );
  const title = t('tax.title', { year: props.year });
  if (!data)
    return (
      <Card title={title} size="small">
        {error ? <Alert type="error" showIcon title={error.message} /> : <Spin />}
      </Card>
    );
  if (!data.enterprise)
    return (
      <Card title={title} size="small" data-testid="tax-cap">
        <Typography.Text type="secondary">{t('tax.notEnterprise')}</Typography.Text>
      </Card>
    );
  const figures = data.profitVisible && data.profit !== null;
  return (
    <Card title={title} size="small" data-testid="tax-cap">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('tax.charity')}>
          {yuan(data.donations.charity)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tax.government')}>
          {yuan(data.donations.government)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tax.eligible')}>
          <Space wrap>
            <Typography.Text strong>{yuan(data.eligible)}</Typography.Text>
            {data.pairing && (
              <Typography.Text type="secondary">
                {t('tax.thisPairing')} {yuan(data.pairing.eligible)}
              </Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('tax.direct')}>{yuan(data.donations.direct)}</Descriptions.Item>
        {figures && (
          <>
            <Descriptions.Item label={t('tax.profit')}>{yuan(data.profit)}</Descriptions.Item>
            <Descriptions.Item label={t('tax.cap')}>{yuan(data.cap)}</Descriptions.Item>
            <Descriptions.Item label={t('tax.deductible')}>
              <Typography.Text strong data-testid="tax-deductible">
                {yuan(data.deductible)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('tax.excess')}>
              <Typography.Text type={data.excess ? 'danger' : undefined}>
                {yuan(data.excess)}
              </Typography.Text>
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {!data.profitVisible && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('tax.profitHidden')}
        </Typography.Paragraph>
      )}
      {data.profitVisible && data.profit === null && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('tax.noProfit')}
        </Typography.Paragraph>
      )}
      {data.abilities.setProfit && <ProfitForm tax={data} onSaved={reload} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('tax.rule')}
      </Typography.Paragraph>
    </Card>
  );
}
