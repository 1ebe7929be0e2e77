import { useRef } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { careApi, careHelpKinds, type CareCaseView, type CareHelpKind } from '@pairing/shared';
import { call, newIdempotencyKey } from '../../api/client.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';

type Values = {
  kind: CareHelpKind;
  date: Dayjs;
  text: string;
  amount?: number;
  givenByOrgId?: number;
  givenByName: string;
  /** `festival:year` of a visit the case owes now, or '' for ordinary help. */
  visit: string;
};

/**
 * 登记帮扶 on a phone: kind (思想, 物质, 就业), date, what was done, the amount for material help,
 * who gave it; and whether it is the condolence visit of a festival the case stands before.
 */
export function HelpForm({
  view,
  onSaved,
}: {
  view: CareCaseView;
  onSaved: (view: CareCaseView) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const key = useRef<string | null>(null);
  // An overdue visit that did happen within its window may still be entered late.
  const visits = view.visits.filter((v) => v.state === 'due' || v.state === 'overdue');
  const { saving, submit } = useFormSubmit(form, async (values: Values) => {
    key.current ??= newIdempotencyKey('help');
    const [festival, year] = values.visit ? values.visit.split(':') : [null, null];
    try {
      const { case: saved } = await call(careApi.addHelp, {
        params: { id: view.id },
        body: {
          kind: values.kind,
          date: values.date.format('YYYY-MM-DD'),
          text: values.text,
          amount: values.kind === 'material' ? (values.amount ?? null) : null,
          givenByOrgId: values.givenByOrgId ?? null,
          givenByName: values.givenByName ?? '',
          festival: festival as 'springFestival' | 'julyFirst' | null,
          festivalYear: year === null ? null : Number(year),
        },
        idempotencyKey: key.current,
      });
      key.current = null;
      form.resetFields();
      message.success(t('care.helpAdded'));
      onSaved(saved);
    } catch (e) {
      if (((e as { status?: number }).status ?? 0) !== 0) key.current = null;
      throw e;
    }
  });
  return (
    <Card title={t('care.addHelp')} size="small" data-testid="help-form">
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'thought', date: dayjs(), givenByName: '', visit: '' }}
      >
        <Form.Item name="kind" label={t('care.helpKind')}>
          <Radio.Group
            optionType="button"
            options={careHelpKinds.map((k) => ({ value: k, label: t(`care.help.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="date" label={t('care.helpDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" inputReadOnly />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('care.helpText')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('care.required', { field: t('care.helpText') }),
            },
          ]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {kind === 'material' && (
          <Form.Item
            name="amount"
            label={t('care.amount')}
            rules={[{ required: true, message: t('care.required', { field: t('care.amount') }) }]}
          >
            <InputNumber style={{ width: '100%' }} min={0} precision={0} inputMode="numeric" />
          </Form.Item>
        )}
        <Form.Item name="givenByOrgId" label={t('care.givenByOrg')}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="givenByName" label={t('care.givenByName')}>
          <Input maxLength={50} />
        </Form.Item>
        {visits.length > 0 && (
          <Form.Item name="visit" label={t('care.asVisit')}>
            <Select
              options={[
                { value: '', label: t('care.notVisit') },
                ...visits.map((v) => ({
                  value: `${v.festival}:${v.year}`,
                  label: `${v.year} ${t(`care.festival.${v.festival}`)}`,
                })),
              ]}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={saving} block>
          {t('care.addHelp')}
        </Button>
      </Form>
    </Card>
  );
}
