import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  careApi,
  careKinds,
  difficultyKinds,
  type CareKind,
  type DifficultyKind,
  type PersonSummary,
} from '@pairing/shared';
import { call, newIdempotencyKey } from '../../api/client.ts';
import { ActionBar } from '../../components/ActionBar.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { PersonSelect } from '../../components/PersonSelect.tsx';

type Values = {
  personId: number;
  kind: CareKind;
  difficulties: DifficultyKind[];
  description: string;
  openedOn: Dayjs;
};

const memberKinds: readonly CareKind[] = ['member', 'retiredMember', 'unemployedMember'];

/** 新建帮扶档案: a person of the registry in the caller's scope, who and what the difficulty is. */
export default function OpenCasePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [person, setPerson] = useState<PersonSummary>();
  // One key per user action, kept for a retry after a dropped connection.
  const key = useRef<string | null>(null);
  const kinds = person
    ? careKinds.filter((k) => memberKinds.includes(k) === (person.kind === 'member'))
    : careKinds;
  const { saving, submit } = useFormSubmit(form, async (values: Values) => {
    key.current ??= newIdempotencyKey('care');
    try {
      const { case: opened } = await call(careApi.open, {
        body: { ...values, openedOn: values.openedOn.format('YYYY-MM-DD') },
        idempotencyKey: key.current,
      });
      message.success(t('care.created'));
      navigate(`/care/${opened.id}`, { replace: true });
    } catch (e) {
      if (((e as { status?: number }).status ?? 0) !== 0) key.current = null;
      throw e;
    }
  });
  const required = (field: string) => [{ required: true, message: t('care.required', { field }) }];

  return (
    <Card title={t('care.newTitle')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ openedOn: dayjs(), difficulties: [], description: '' }}
      >
        <Form.Item
          name="personId"
          label={t('care.choosePerson')}
          rules={required(t('care.person'))}
        >
          <PersonSelect
            onPerson={(p) => {
              setPerson(p);
              form.setFieldValue('kind', p?.kind === 'resident' ? 'resident' : 'member');
            }}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('care.kindLabel')} rules={required(t('care.kindLabel'))}>
          <Radio.Group options={kinds.map((k) => ({ value: k, label: t(`care.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="difficulties"
          label={t('care.difficulties')}
          // A validator, not `required`: a checkbox group may not carry aria-required.
          rules={[
            {
              validator: (_, value?: DifficultyKind[]) =>
                value?.length
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(t('care.required', { field: t('care.difficulties') })),
                    ),
            },
          ]}
        >
          <Checkbox.Group
            options={difficultyKinds.map((d) => ({ value: d, label: t(`care.difficulty.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('care.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="openedOn" label={t('care.openedOn')} rules={required(t('care.openedOn'))}>
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" inputReadOnly />
        </Form.Item>
        <ActionBar>
          <Button onClick={() => navigate('/care')}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('care.open')}
          </Button>
        </ActionBar>
      </Form>
    </Card>
  );
}
