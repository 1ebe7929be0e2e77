import { useState } from 'react';
import {
  App,
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  InputNumber,
  Space,
  Spin,
  Typography,
} from 'antd';
import {
  secretariesApi,
  secretaryPayParameters,
  type PayParametersView,
  type SecretaryPayParametersInput,
} from '@pairing/shared';
import { call } from '../../api/client.ts';
import { ActionBar } from '../../components/ActionBar.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/apiErrors.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { chinaToday } from '../ledger/dates.ts';
import { showIssues } from '../ledger/form/fieldErrors.ts';

const names = Object.keys(secretaryPayParameters.shape) as (keyof SecretaryPayParametersInput)[];
type Values = SecretaryPayParametersInput & { fromYear: number };

/**
 * The secretaries' pay parameters (R-SECRETARY-PAY): what applies this year, where it comes from
 * (the documents or the city's setting of a year), and for the city a form to set them from a year.
 */
export default function ParametersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const thisYear = Number(chinaToday().slice(0, 4));
  const { data, error, loading } = useRequest(
    () => call(secretariesApi.parameters, { query: { year: thisYear } }),
    [thisYear],
  );
  const [saved, setSaved] = useState<PayParametersView | null>(null);
  const view = saved ?? data;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  if (loading && !view) return <Spin size="large" className="app-page-spin" />;
  if (error || !view) return <Alert type="error" showIcon title={error?.message} />;

  const save = async () => {
    const { fromYear, ...values } = form.getFieldsValue(true) as Values;
    const parsed = secretaryPayParameters.safeParse(values);
    if (!parsed.success) return void showIssues(form, parsed.error.issues);
    setSaving(true);
    try {
      const answer = await call(secretariesApi.setParameters, {
        params: { year: fromYear },
        body: parsed.data,
      });
      message.success(t('secretaries.params.saved', { year: fromYear }));
      setSaved(answer.year === thisYear ? answer : { ...view, history: answer.history });
    } catch (e) {
      message.error(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('secretaries.params.title')}
        extra={
          <Typography.Text type="secondary">
            {t('secretaries.params.effective', { year: view.year })}
          </Typography.Text>
        }
      >
        <Typography.Paragraph>
          {view.cityName
            ? t('secretaries.params.city', { city: view.cityName })
            : t('secretaries.params.none')}
          {' · '}
          {view.parametersFromYear === null
            ? t('secretaries.parametersDocuments')
            : t('secretaries.parametersFrom', { year: view.parametersFromYear })}
        </Typography.Paragraph>
        <Descriptions column={1} size="small" bordered data-testid="parameters">
          {names.map((name) => (
            <Descriptions.Item key={name} label={t(`secretaries.params.${name}`)}>
              {view.parameters[name]}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      {view.abilities.configure && (
        <Card title={t('secretaries.params.save')} size="small">
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ ...view.parameters, fromYear: thisYear }}
            data-testid="parameters-form"
          >
            <Form.Item name="fromYear" label={t('secretaries.params.fromYear')} required>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            {names.map((name) => (
              <Form.Item key={name} name={name} label={t(`secretaries.params.${name}`)} required>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            ))}
          </Form>
          <ActionBar>
            <Button onClick={() => form.setFieldsValue(view.documentParameters)}>
              {t('secretaries.params.reset')}
            </Button>
            <Button type="primary" loading={saving} onClick={save}>
              {t('secretaries.params.save')}
            </Button>
          </ActionBar>
        </Card>
      )}
      {view.history.length > 0 && (
        <Card title={t('secretaries.params.history')} size="small">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {view.history.map((row) => (
              <div key={row.year} className="responsive-card">
                <strong>{t('secretaries.parametersFrom', { year: row.year })}</strong>
                <span>
                  {names
                    .map((name) => `${t(`secretaries.params.${name}`)} ${row.parameters[name]}`)
                    .join('；')}
                </span>
              </div>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
