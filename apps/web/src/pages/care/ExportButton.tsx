import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { careApi, pathOf, type BodyOf } from '@pairing/shared';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';

type Filters = Omit<BodyOf<typeof careApi.export>, 'reason'>;

/** POST the export (the reason stays out of URLs and logs) and save the workbook it answers. */
async function download(body: BodyOf<typeof careApi.export>) {
  const response = await fetch(pathOf(careApi.export), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const error = ((await response.json().catch(() => ({}))) as { error?: ApiError }).error;
    throw new ApiError(
      response.status,
      error?.code ?? 'error',
      error?.message ?? response.statusText,
      error?.fields,
    );
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name ? decodeURIComponent(name[1]) : 'care.xlsx';
  link.click();
  URL.revokeObjectURL(link.href);
}

/** 导出 Excel: personal data, so it asks why (kept in the audit log) before exporting. */
export function ExportButton({ filters }: { filters: Filters }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const { saving, submit } = useFormSubmit(form, async ({ reason }) => {
    await download({ ...filters, reason });
    setOpen(false);
    form.resetFields();
    message.success(t('care.exportDone'));
  });
  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => setOpen(true)}>
        {t('care.export')}
      </Button>
      <Modal
        open={open}
        title={t('care.exportTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        okText={t('care.export')}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('care.exportHint')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="reason"
            label={t('care.exportReason')}
            rules={[
              {
                required: true,
                whitespace: true,
                min: 4,
                message: t('care.required', { field: t('care.exportReason') }),
              },
            ]}
          >
            <Input maxLength={200} data-testid="export-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
