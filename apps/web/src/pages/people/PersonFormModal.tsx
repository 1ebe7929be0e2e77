import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import {
  genders,
  personKinds,
  personTags,
  peopleApi,
  type PersonInput,
  type PersonView,
} from '@pairing/shared';
import { call, newIdempotencyKey } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { genderLabel, kindLabel, tagLabel } from './labels.ts';

/** The kinds of organization people are registered at, or also report to. */
const personOrgKinds = ['village', 'community', 'urban_unit', 'town'] as const;

type Values = Omit<PersonInput, 'idNumber' | 'phone' | 'secondOrgId'> & {
  orgId?: number;
  idNumber?: string;
  phone?: string;
  secondOrgId?: number;
};

/**
 * Register a person (no `person`) or edit one. The page holds only masked numbers, so an edit
 * leaves the ID number and phone blank: blank keeps the stored ones, a new value replaces them.
 */
export function PersonFormModal({
  person,
  onClose,
  onSaved,
}: {
  person?: PersonView;
  onClose: () => void;
  onSaved: (person: PersonView) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per dialog: a retried save (a lost answer) does not register twice.
  const [key] = useState(() => newIdempotencyKey('person'));
  const ownOrg = me.role === 'village_admin' || me.role === 'unit_admin';

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    const phone = values.phone?.trim() ? values.phone.trim() : null;
    const idNumber = values.idNumber?.trim() ? values.idNumber.trim() : undefined;
    const body = {
      kind: values.kind,
      name: values.name,
      gender: values.gender,
      tags: values.tags ?? [],
      secondOrgId: values.secondOrgId ?? null,
      note: values.note ?? '',
    };
    try {
      const answer = person
        ? await call(peopleApi.update, {
            params: { id: person.id },
            body: { ...body, idNumber, ...(phone === null ? {} : { phone }) },
          })
        : await call(peopleApi.create, {
            params: { id: values.orgId! },
            body: { ...body, idNumber: idNumber ?? '', phone },
            idempotencyKey: key,
          });
      onSaved(answer.person);
    } catch (e) {
      const fields = (e as { fields?: Record<string, string> }).fields ?? {};
      form.setFields(
        Object.entries(fields).map(([name, message]) => ({
          name: name as keyof Values,
          errors: [message],
        })),
      );
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={person ? t('people.edit') : t('people.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: person?.kind ?? 'member',
          gender: person?.gender ?? 'male',
          name: person?.name,
          tags: person?.tags ?? [],
          note: person?.note ?? '',
          secondOrgId: person?.secondOrgId ?? undefined,
          orgId: person ? undefined : ownOrg ? me.orgId : undefined,
        }}
      >
        {!person && (
          <Form.Item name="orgId" label={t('people.org')} rules={[{ required: true }]}>
            <OrgSelect
              kinds={personOrgKinds}
              initialOption={ownOrg ? { value: me.orgId, label: me.orgName } : undefined}
            />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('people.name')} rules={[{ required: true, max: 50 }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('people.kindLabel')}>
          <Radio.Group options={personKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))} />
        </Form.Item>
        <Form.Item name="gender" label={t('people.genderLabel')}>
          <Radio.Group options={genders.map((g) => ({ value: g, label: genderLabel(t, g) }))} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('people.idNumber')}
          rules={[{ required: !person, len: 18 }]}
        >
          <Input
            maxLength={18}
            autoComplete="off"
            placeholder={person ? `${person.idNumberMasked}（${t('people.keep')}）` : undefined}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('people.phone')}>
          <Input
            maxLength={20}
            autoComplete="off"
            inputMode="tel"
            placeholder={
              person?.phoneMasked ? `${person.phoneMasked}（${t('people.keep')}）` : undefined
            }
          />
        </Form.Item>
        <Form.Item name="tags" label={t('people.tags')}>
          <Select
            mode="multiple"
            allowClear
            options={personTags.map((tag) => ({ value: tag, label: tagLabel(t, tag) }))}
          />
        </Form.Item>
        <Form.Item
          name="secondOrgId"
          label={t('people.secondOrg')}
          extra={t('people.secondOrgHint')}
        >
          <OrgSelect
            kinds={personOrgKinds}
            initialOption={
              person?.secondOrgId
                ? { value: person.secondOrgId, label: person.secondOrgName ?? '' }
                : undefined
            }
          />
        </Form.Item>
        <Form.Item name="note" label={t('people.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
