import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { orgsApi, type OrgView, type UnitFields } from '@pairing/shared';
import { ApiError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/apiErrors.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { canHelp, loadDistricts } from './districts.ts';
import { UnitFormFields } from './UnitFormFields.tsx';

// Every field is required in the form, so a submitted form holds them all.
type Values = UnitFields & { parentId: number };

/** Where a new unit may hang (server `checkUnitParent`): a working committee or a helping district. */
async function loadParents() {
  const [committees, districts] = await Promise.all([
    call(orgsApi.list, { query: { kind: 'working_committee', page: 1, pageSize: 100 } }),
    loadDistricts(),
  ]);
  return { committees: committees.items, districts };
}

export function UnitCreateModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (org: OrgView) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const parents = useRequest(loadParents, []);

  const districts = parents.data?.districts ?? [];
  const committees = parents.data?.committees ?? [];
  const helping = districts.filter((d) => canHelp(d.districtClass));
  const parentOptions = [
    {
      label: t('kind.working_committee'),
      options: committees.map((c) => ({ value: c.id, label: c.name })),
    },
    { label: t('kind.district'), options: helping.map((d) => ({ value: d.id, label: d.name })) },
  ].filter((group) => group.options.length > 0);
  // An outer-suburban district admin has nowhere to put a unit (server `checkUnitParent`).
  const noParent = !!parents.data && parentOptions.length === 0;
  const onlyParent =
    committees.length + helping.length === 1 ? (committees[0]?.id ?? helping[0]?.id) : undefined;
  // A district admin usually has a single place to put a unit: choose it for them.
  useEffect(() => {
    if (onlyParent && !form.getFieldValue('parentId')) form.setFieldValue('parentId', onlyParent);
  }, [form, onlyParent]);

  const save = async (values: Values) => {
    setSaving(true);
    try {
      const { org } = await call(orgsApi.createUnit, {
        body: { ...values, resourceTags: values.resourceTags ?? [] },
      });
      message.success(t('org.unitCreated', { name: org.name }));
      onCreated(org);
    } catch (e) {
      const text = applyApiError(form, e);
      // Errors without a field: a duplicate name, or a parent outside the caller's scope.
      if (e instanceof ApiError && !Object.keys(e.fields).length) {
        if (e.code === 'duplicate_name') form.setFields([{ name: 'name', errors: [text] }]);
        if (e.status === 404) form.setFields([{ name: 'parentId', errors: [text] }]);
      }
      message.error(text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('org.createUnit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ disabled: noParent }}
      okText={t('org.createSubmit')}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ resourceTags: [] }}
        data-testid="unit-create-form"
      >
        {parents.error && (
          <Alert type="error" showIcon title={parents.error.message} style={{ marginBottom: 12 }} />
        )}
        {noParent && (
          <Alert
            type="warning"
            showIcon
            title={t('org.noUnitParent')}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form.Item
          name="name"
          label={t('org.unitName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="parentId"
          label={t('org.parent')}
          extra={t('org.unitParentHelp')}
          rules={[{ required: true }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={parents.loading}
            options={parentOptions}
            data-testid="unit-parent"
          />
        </Form.Item>
        <UnitFormFields
          districts={districts.map((d) => ({ value: d.id, label: d.name }))}
          districtsLoading={parents.loading}
        />
      </Form>
    </Modal>
  );
}
