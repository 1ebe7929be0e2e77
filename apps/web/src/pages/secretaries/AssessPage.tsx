import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  assessmentInput,
  assessmentPreviewInput,
  pointsKinds,
  secretariesApi,
  secretaryAssessmentParts,
  type ResponseOf,
} from '@pairing/shared';
import { call, newIdempotencyKey } from '../../api/client.ts';
import { ActionBar } from '../../components/ActionBar.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/apiErrors.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { chinaToday } from '../ledger/dates.ts';
import { showIssues } from '../ledger/form/fieldErrors.ts';
import { PayBreakdown } from './PayBreakdown.tsx';

type Line = { part?: string; kind?: string; points?: number | null; reason?: string };
type Values = {
  year: number;
  lines: Line[];
  incomeCreated: number | null;
  insurancePremiums: number | null;
  note: string;
};
type Preview = ResponseOf<typeof secretariesApi.preview>;

/**
 * A year's 双百分 assessment: points gained and lost with their reasons, the income the village
 * created and the two insurances' premiums; the pay is computed by the server as they are typed
 * (the preview route writes nothing) and stored when saved.
 */
export default function AssessPage() {
  const { id } = useParams();
  const personId = Number(id);
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // One key per saved assessment, sent again if the first answer was lost.
  const [key] = useState(() => newIdempotencyKey('assess'));
  const secretary = useRequest(
    () => call(secretariesApi.get, { params: { id: personId } }),
    [personId],
  );
  const thisYear = Number(chinaToday().slice(0, 4));
  const assessed = new Set(secretary.data?.assessments.map((a) => a.year) ?? []);

  // The preview follows the form, a moment after the last keystroke.
  const figures = assessmentPreviewInput.safeParse({
    ...values,
    lines: (values?.lines ?? []).filter((l) => l?.part && l.kind && l.points),
  });
  const previewKey = figures.success ? JSON.stringify(figures.data) : null;
  useEffect(() => {
    if (!figures.success) return;
    let live = true;
    const timer = setTimeout(() => {
      call(secretariesApi.preview, { params: { id: personId }, body: figures.data }).then(
        (answer) => live && (setPreview(answer), setPreviewError(null)),
        (e: unknown) => live && (setPreview(null), setPreviewError(applyApiError(null, e))),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the parsed figures, by value
  }, [previewKey, personId]);

  const save = async () => {
    const parsed = assessmentInput.safeParse(form.getFieldsValue(true));
    if (!parsed.success) return void showIssues(form, parsed.error.issues);
    setSaving(true);
    try {
      await call(secretariesApi.assess, {
        params: { id: personId },
        body: parsed.data,
        idempotencyKey: key,
      });
      message.success(t('secretaries.assessed', { year: parsed.data.year }));
      navigate(`/secretaries/${personId}`);
    } catch (e) {
      message.error(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };

  if (secretary.loading && !secretary.data) return <Spin size="large" className="app-page-spin" />;
  if (secretary.error) return <Alert type="error" showIcon title={secretary.error.message} />;

  return (
    // One card holds the page, so that the action bar stays at the bottom of a phone's screen.
    <Card title={`${t('secretaries.assess')} · ${secretary.data?.person.name ?? ''}`}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          year: thisYear,
          lines: [],
          incomeCreated: 0,
          insurancePremiums: 0,
          note: '',
        }}
        data-testid="assessment-form"
      >
        <Form.Item name="year" label={t('secretaries.year')} required>
          <Select
            options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
              value: y,
              label: t('secretaries.yearOption', { year: y }),
              disabled: assessed.has(y),
            }))}
          />
        </Form.Item>
        <Typography.Title level={5}>{t('secretaries.lines')}</Typography.Title>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <div key={field.key} className="responsive-card" data-testid="points-line">
                  <Space wrap style={{ width: '100%' }}>
                    <Form.Item name={[field.name, 'part']} noStyle>
                      <Select
                        aria-label={t('secretaries.part')}
                        style={{ width: 120 }}
                        options={secretaryAssessmentParts.map((p) => ({
                          value: p,
                          label: t(`secretaries.part.${p}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} noStyle>
                      <Select
                        aria-label={t('secretaries.lines')}
                        style={{ width: 90 }}
                        options={pointsKinds.map((k) => ({
                          value: k,
                          label: t(`secretaries.kind.${k}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'points']} noStyle>
                      <InputNumber
                        aria-label={t('secretaries.points')}
                        min={1}
                        max={100}
                        precision={0}
                        style={{ width: 80 }}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('secretaries.removeLine')}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                  <Form.Item name={[field.name, 'reason']} style={{ marginBottom: 0 }}>
                    <Input
                      placeholder={t('secretaries.reason')}
                      aria-label={t('secretaries.reason')}
                      maxLength={200}
                    />
                  </Form.Item>
                </div>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ part: 'partyBuilding', kind: 'gain', points: 1, reason: '' })}
                data-testid="add-line"
              >
                {t('secretaries.addLine')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Form.Item
          name="incomeCreated"
          label={t('secretaries.incomeCreated')}
          extra={t('secretaries.incomeHelp')}
          style={{ marginTop: 16 }}
        >
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="insurancePremiums" label={t('secretaries.insurancePremiums')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('secretaries.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
      <Card type="inner" title={t('secretaries.preview')} size="small" data-testid="preview">
        <Typography.Paragraph type="secondary">{t('secretaries.previewHint')}</Typography.Paragraph>
        {previewError && <Alert type="warning" showIcon title={previewError} />}
        {preview && !previewError && (
          <PayBreakdown
            pay={preview.pay}
            standard={preview.parameters.standardPointsPerPart}
            parametersFromYear={preview.parametersFromYear}
          />
        )}
      </Card>
      <ActionBar>
        <Button onClick={() => navigate(`/secretaries/${personId}`)}>{t('common.cancel')}</Button>
        <Button type="primary" loading={saving} onClick={save} data-testid="save-assessment">
          {t('secretaries.submitAssessment')}
        </Button>
      </ActionBar>
    </Card>
  );
}
