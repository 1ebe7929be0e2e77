import { Alert, App, Button, Card, Form, InputNumber } from 'antd';
import { securityApi, type SecurityPolicy } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

/** Each field with its bounds (the shared schema's). */
const fields: Array<{ name: keyof SecurityPolicy; label: MessageKey; min: number; max: number }> = [
  { name: 'minPasswordLength', label: 'security.minPasswordLength', min: 10, max: 64 },
  { name: 'maxFailedAttempts', label: 'security.maxFailedAttempts', min: 3, max: 10 },
  { name: 'firstPauseMinutes', label: 'security.firstPauseMinutes', min: 1, max: 1440 },
  { name: 'maxPauseHours', label: 'security.maxPauseHours', min: 1, max: 720 },
  { name: 'maxSessions', label: 'security.maxSessions', min: 1, max: 50 },
];

/** 安全策略: the security administrator's password and lockout policy (三员分立). */
export default function SecurityPolicyPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const policy = useRequest(() => call(securityApi.policy), []);

  const save = async (values: SecurityPolicy) => {
    try {
      await call(securityApi.setPolicy, { body: values });
      message.success(t('security.saved'));
      policy.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  if (policy.error) return <Alert type="error" showIcon message={policy.error.message} />;
  if (!policy.data) return <Card loading />;
  return (
    <Card title={t('security.policy')}>
      <Form layout="vertical" initialValues={policy.data.policy} onFinish={save}>
        {fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={t(f.label)} rules={[{ required: true }]}>
            <InputNumber
              min={f.min}
              max={f.max}
              precision={0}
              style={{ width: '100%', maxWidth: 240 }}
              data-testid={`policy-${f.name}`}
            />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" data-testid="policy-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
