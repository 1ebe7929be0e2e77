import { Form, Input, InputNumber, Select } from 'antd';
import { resourceTags, unitTypes, type UnitFields } from '@pairing/shared';
import { useI18n } from '../../i18n/index.tsx';

export type UnitFormValues = Omit<UnitFields, 'name' | 'addressDistrictId' | 'contactPhone'> & {
  addressDistrictId?: number;
  contactPhone?: string;
};

const unitTypeOptions = unitTypes.map((v) => ({ value: v, label: v }));
const resourceTagOptions = resourceTags.map((v) => ({ value: v, label: v }));

/**
 * The editable fields of an urban unit (shared `unitFields`), shared by the create and
 * edit forms. Field names match the API's, so its field errors land on the right items.
 */
export function UnitFormFields({
  districts,
  districtsLoading,
}: {
  districts: Array<{ value: number; label: string }>;
  districtsLoading?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="unitType" label={t('org.unitType')} rules={[{ required: true }]}>
        <Select options={unitTypeOptions} data-testid="unit-type" />
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
        <Select mode="multiple" options={resourceTagOptions} />
      </Form.Item>
      <Form.Item
        name="addressDistrictId"
        label={t('org.addressDistrict')}
        extra={t('org.addressDistrictHelp')}
        rules={[{ required: true }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={districtsLoading}
          options={districts}
          data-testid="unit-address-district"
        />
      </Form.Item>
      <Form.Item
        name="contactName"
        label={t('org.contactName')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('org.contactPhone')}
        extra={t('org.contactPhoneHelp')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={20} />
      </Form.Item>
    </>
  );
}
