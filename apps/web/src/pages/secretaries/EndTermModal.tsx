import { useState } from 'react';
import { App, Form, Modal, Radio } from 'antd';
import {
  endTermInput,
  secretariesApi,
  type SecretaryDetail,
  type SecretaryTermView,
} from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/apiErrors.ts';
import { chinaToday } from '../ledger/dates.ts';
import { DateField } from '../ledger/form/DateField.tsx';
import { showIssues } from '../ledger/form/fieldErrors.ts';

type Values = { to: string | null; leaving?: boolean };

/** End the term in office: on re-election, or on leaving office (the allowance is computed). */
export function EndTermModal({
  term,
  onClose,
  onDone,
}: {
  term: SecretaryTermView;
  onClose: () => void;
  onDone: (detail: SecretaryDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const parsed = endTermInput.safeParse(form.getFieldsValue(true));
    if (!parsed.success) return void showIssues(form, parsed.error.issues);
    setSaving(true);
    try {
      const detail = await call(secretariesApi.endTerm, {
        params: { id: term.id },
        body: parsed.data,
      });
      message.success(t('secretaries.ended'));
      onDone(detail);
    } catch (e) {
      message.error(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${t('secretaries.endTerm')} · ${term.villageName}`}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ to: chinaToday() }}
        data-testid="end-term-form"
      >
        <Form.Item name="to" label={t('secretaries.to')} required>
          <DateField min={term.from} max={chinaToday()} />
        </Form.Item>
        <Form.Item name="leaving" label={t('secretaries.leaving')} required>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={[true, false].map((leaving) => ({
              value: leaving,
              label: t(`secretaries.leaving.${leaving}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
