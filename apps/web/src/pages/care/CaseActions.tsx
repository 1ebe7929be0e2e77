import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { careApi, type CareCaseView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';

type Saved = (view: CareCaseView) => void;

/** 结案: the day and why; the case then takes no more help. */
export function CloseButton({ view, onSaved }: { view: CareCaseView; onSaved: Saved }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ closedOn: Dayjs; reason: string }>();
  const { saving, submit } = useFormSubmit(form, async (values) => {
    const { case: saved } = await call(careApi.close, {
      params: { id: view.id },
      body: { closedOn: values.closedOn.format('YYYY-MM-DD'), reason: values.reason },
    });
    setOpen(false);
    message.success(t('care.closed'));
    onSaved(saved);
  });
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('care.close')}
      </Button>
      <Modal
        open={open}
        title={t('care.close')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ closedOn: dayjs() }}>
          <Form.Item name="closedOn" label={t('care.closedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" inputReadOnly />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('care.closeReason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('care.required', { field: t('care.closeReason') }),
              },
            ]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 双结对 (R-DOUBLE-PAIR): the organization that pairs with the person, since when; or none. */
export function AdoptButton({ view, onSaved }: { view: CareCaseView; onSaved: Saved }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ carerOrgId?: number; since?: Dayjs }>();
  const save = async (carerOrgId: number | null, since: Dayjs | null) => {
    const { case: saved } = await call(careApi.adopt, {
      params: { id: view.id },
      body: { carerOrgId, since: since ? since.format('YYYY-MM-DD') : null },
    });
    setOpen(false);
    message.success(t('care.adopted'));
    onSaved(saved);
  };
  const { saving, submit } = useFormSubmit(form, (values) =>
    save(values.carerOrgId ?? null, values.since ?? null),
  );
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('care.adopt')}</Button>
      <Modal
        open={open}
        title={t('care.adoptTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        destroyOnHidden
        footer={(buttons) => (
          <>
            {view.carer && (
              <Button danger onClick={() => submit({}).then(() => undefined)}>
                {t('care.adoptEnd')}
              </Button>
            )}
            {buttons}
          </>
        )}
      >
        <Typography.Paragraph type="secondary">{t('care.adoptHint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            carerOrgId: view.carer?.id,
            since: view.carerSince ? dayjs(view.carerSince) : dayjs(),
          }}
        >
          <Form.Item name="carerOrgId" label={t('care.carer')} rules={[{ required: true }]}>
            <OrgSelect
              initialOption={
                view.carer ? { value: view.carer.id, label: view.carer.name } : undefined
              }
            />
          </Form.Item>
          <Form.Item name="since" label={t('care.carerSince')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" inputReadOnly />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
