import { useState } from 'react';
import { App, Form, InputNumber, Modal } from 'antd';
import { secretariesApi, termInput } from '@pairing/shared';
import { call, newIdempotencyKey } from '../../api/client.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/apiErrors.ts';
import { chinaToday } from '../ledger/dates.ts';
import { DateField } from '../ledger/form/DateField.tsx';
import { showIssues } from '../ledger/form/fieldErrors.ts';
import { PersonSelect } from '../../components/PersonSelect.tsx';

type Values = {
  personId?: number;
  villageId?: number;
  from: string | null;
  to: string | null;
  baseSubsidyPerYear: number | null;
};

/**
 * Record a secretary's term: a new secretary (person and village chosen), or the next term of
 * one already known (`person` and `village` fixed) after a re-election.
 */
export function TermModal({
  person,
  village,
  onClose,
  onDone,
}: {
  person?: { id: number; name: string };
  village?: { id: number; name: string; baseSubsidyPerYear: number };
  onClose: () => void;
  onDone: (personId: number) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // One key for this term, sent again if the first answer was lost.
  const [key] = useState(() => newIdempotencyKey('term'));

  const save = async () => {
    const parsed = termInput.safeParse(form.getFieldsValue(true));
    if (!parsed.success) return void showIssues(form, parsed.error.issues);
    setSaving(true);
    try {
      const detail = await call(secretariesApi.createTerm, {
        body: parsed.data,
        idempotencyKey: key,
      });
      message.success(t('secretaries.saved'));
      onDone(detail.person.id);
    } catch (e) {
      message.error(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={
        person ? `${t('secretaries.newTerm')} · ${person.name}` : t('secretaries.addSecretary')
      }
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          personId: person?.id,
          villageId: village?.id,
          from: chinaToday(),
          to: null,
          baseSubsidyPerYear: village?.baseSubsidyPerYear ?? null,
        }}
        data-testid="term-form"
      >
        {!person && (
          <Form.Item
            name="personId"
            label={t('secretaries.person')}
            extra={t('secretaries.personHelp')}
            required
          >
            <PersonSelect tag="villageSecretary" placeholder={t('secretaries.personSearch')} />
          </Form.Item>
        )}
        <Form.Item name="villageId" label={t('secretaries.villagePick')} required>
          <OrgSelect
            kinds={['village']}
            initialOption={village && { value: village.id, label: village.name }}
          />
        </Form.Item>
        <Form.Item name="from" label={t('secretaries.from')} required>
          <DateField />
        </Form.Item>
        <Form.Item name="to" label={t('secretaries.to')} extra={t('secretaries.toHelp')}>
          <DateField max={chinaToday()} />
        </Form.Item>
        <Form.Item name="baseSubsidyPerYear" label={t('secretaries.baseSubsidy')} required>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
