import { useRef } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Progress,
  Space,
  Spin,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { disclosureApi } from '@pairing/shared';
import { call, newIdempotencyKey } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { yuan } from '../rounds/labels.ts';

type Values = { date: Dayjs; amount: number; purpose: string };

/**
 * What the village did with a fund it received (R-DISCLOSE): the uses recorded so far, what is
 * left, and — for the village and its town — a form to record one more. The server refuses a use
 * that would spend more than the fund (409); the form keeps its key for a retry after a dropped
 * connection, so the use is not recorded twice.
 */
export function FundUses({ recordId }: { recordId: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const key = useRef<string | null>(null);
  const { data, error, loading, reload } = useRequest(
    () => call(disclosureApi.uses, { params: { id: recordId } }),
    [recordId],
  );
  const { saving, submit } = useFormSubmit(form, async (values: Values) => {
    key.current ??= newIdempotencyKey('use');
    try {
      await call(disclosureApi.addUse, {
        params: { id: recordId },
        body: {
          date: values.date.format('YYYY-MM-DD'),
          amount: values.amount,
          purpose: values.purpose,
        },
        idempotencyKey: key.current,
      });
    } catch (e) {
      // A network failure keeps the key: the next try may be the same request arriving twice.
      const status = (e as { status?: number }).status ?? 0;
      if (status !== 0) key.current = null;
      // Someone else's use may have taken the balance: show the current one.
      if (status === 409) reload();
      throw e;
    }
    key.current = null;
    form.resetFields();
    message.success(t('fundUses.added'));
    reload();
  });

  if (!data)
    return (
      <Card title={t('fundUses.title')} size="small">
        {error ? <Alert type="error" showIcon title={error.message} /> : loading && <Spin />}
      </Card>
    );

  const percent = data.amount ? Math.round((data.used / data.amount) * 100) : 0;
  return (
    <Card title={t('fundUses.title')} size="small" data-testid="fund-uses">
      <Space wrap size="large">
        <span>
          {t('fundUses.amount')} <Typography.Text strong>{yuan(data.amount)}</Typography.Text>
        </span>
        <span>
          {t('fundUses.used')} <Typography.Text strong>{yuan(data.used)}</Typography.Text>
        </span>
        <span data-testid="fund-balance">
          {t('fundUses.balance')} <Typography.Text strong>{yuan(data.balance)}</Typography.Text>
        </span>
      </Space>
      <Progress percent={percent} size="small" aria-label={t('fundUses.used')} />
      <List
        size="small"
        dataSource={data.items}
        locale={{ emptyText: t('fundUses.empty') }}
        renderItem={(use) => (
          <List.Item extra={yuan(use.amount)}>
            <List.Item.Meta title={use.purpose} description={use.date} />
          </List.Item>
        )}
      />
      {data.abilities.addUse && data.balance > 0 && (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ date: dayjs() }}
          style={{ marginTop: 12 }}
        >
          <Form.Item
            name="date"
            label={t('fundUses.date')}
            rules={[
              { required: true, message: t('fundUses.required', { field: t('fundUses.date') }) },
            ]}
          >
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" inputReadOnly />
          </Form.Item>
          <Form.Item
            name="amount"
            label={t('fundUses.useAmount')}
            rules={[
              {
                required: true,
                message: t('fundUses.required', { field: t('fundUses.useAmount') }),
              },
              {
                type: 'number',
                max: data.balance,
                message: t('fundUses.overBalance', { balance: yuan(data.balance) }),
              },
            ]}
          >
            <InputNumber
              style={{ width: '100%' }}
              min={1}
              max={data.balance}
              precision={0}
              inputMode="numeric"
            />
          </Form.Item>
          <Form.Item
            name="purpose"
            label={t('fundUses.purpose')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('fundUses.required', { field: t('fundUses.purpose') }),
              },
            ]}
          >
            <Input maxLength={200} placeholder={t('fundUses.purposePlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block>
            {t('fundUses.add')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
