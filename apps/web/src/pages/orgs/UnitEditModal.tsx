import { App, Form, Modal } from 'antd';
import { orgsApi, type OrgDetail } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { loadDistricts } from './districts.ts';
import { UnitFormFields, type UnitFormValues } from './UnitFormFields.tsx';

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
  const [form] = Form.useForm<UnitFormValues>();
  const districts = useRequest(loadDistricts, []);

  // The unit's address may lie outside the editor's scope; keep it choosable under its name.
  const districtOptions = (districts.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  if (org.addressDistrictId && !districtOptions.some((d) => d.value === org.addressDistrictId)) {
    districtOptions.unshift({
      value: org.addressDistrictId,
      label: org.addressDistrictName ?? String(org.addressDistrictId),
    });
  }

  const { saving, submit: save } = useFormSubmit(form, async (values: UnitFormValues) => {
    // Send the phone only when it changed: a viewer without full-phone rights sees it masked.
    const body: Partial<UnitFormValues> = { ...values };
    if (values.contactPhone === org.contactPhone) delete body.contactPhone;
    await call(orgsApi.update, { params: { id: org.id }, body });
    message.success(t('common.saved'));
    onSaved();
  });

  return (
    <Modal
      open
      title={t('org.editUnit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('common.save')}
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
          addressDistrictId: org.addressDistrictId ?? undefined,
          contactName: org.contactName ?? '',
          contactPhone: org.contactPhone ?? '',
        }}
      >
        <UnitFormFields districts={districtOptions} districtsLoading={districts.loading} />
      </Form>
    </Modal>
  );
}
