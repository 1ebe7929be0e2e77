import { useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { resourceTags, unitTypes } from '@pairing/shared';
import { api } from '../../api/client.ts';
import type { OrgDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/apiErrors.ts';

type Values = {
  unitType: string;
  capacity: number;
  yearlyBudget: number;
  resourceTags: string[];
  contactName: string;
  contactPhone?: string;
};

export function UnitEditModal({
  org,
  onClose,
  onSaved,
}: {
  org: OrgDetail;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const save = async (values: Values) => {
    setSaving(true);
    // Send the phone only when it changed: a viewer without full-phone rights sees it masked.
    const body: Partial<Values> = { ...values };
    if (values.contactPhone === org.contactPhone) delete body.contactPhone;
    try {
      await api.patch(`/api/orgs/${org.id}`, body);
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      message.error(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('org.editUnit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          unitType: org.unitType ?? undefined,
          capacity: org.capacity ?? undefined,
          yearlyBudget: org.yearlyBudget ?? undefined,
          resourceTags: org.resourceTags ?? [],
          contactName: org.contactName ?? '',
          contactPhone: org.contactPhone ?? '',
        }}
      >
        <Form.Item name="unitType" label={t('org.unitType')} rules={[{ required: true }]}>
          <Select options={unitTypes.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('org.capacity')}
          extra={t('org.capacityHelp')}
          rules={[
            { required: true, message: t('org.capacityRange') },
            { type: 'number', min: 1, max: 50, message: t('org.capacityRange') },
          ]}
        >
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="yearlyBudget" label={t('org.yearlyBudget')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={0} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="resourceTags" label={t('org.resourceTags')}>
          <Select mode="multiple" options={resourceTags.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="contactName" label={t('org.contactName')}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('org.contactPhone')}
          extra={t('org.contactPhoneHelp')}
        >
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
