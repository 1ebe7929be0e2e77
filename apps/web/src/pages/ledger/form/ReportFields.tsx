import { useEffect, useRef, useState } from 'react';
import { App, Button, Form, Input, Select, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ledgerApi, type PairingView } from '@pairing/shared';
import { call } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { reportQuarters } from '../dates.ts';
import { quarterText } from '../labels.tsx';

/**
 * A quarterly report (R-REPORT-Q): the quarter, and its text prefilled from that quarter's
 * records. Picking another quarter refills the text unless the user has changed it; then
 * 重新生成 asks first.
 */
export function ReportFields({ pairing, lastDay }: { pairing: PairingView; lastDay: string }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const form = Form.useFormInstance();
  const quarter = Form.useWatch('quarter') as string | undefined;
  const [loading, setLoading] = useState(false);
  // The last draft put into the text: the text still equal to it has not been edited.
  const drafted = useRef('');
  const quarters = reportQuarters(pairing.termStart, pairing.termEnd, lastDay);

  const fill = async (which: string, force: boolean) => {
    setLoading(true);
    try {
      const draft = await call(ledgerApi.reportDraft, {
        params: { id: pairing.id },
        query: { quarter: which },
      });
      const current = String(form.getFieldValue('body') ?? '');
      if (force || current.trim() === '' || current === drafted.current) {
        form.setFieldValue('body', draft.body);
        drafted.current = draft.body;
      }
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    if (quarter) void fill(quarter, false);
    // Refilled when the quarter changes only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [quarter]);

  const regenerate = () => {
    if (!quarter) return;
    const current = String(form.getFieldValue('body') ?? '');
    if (current.trim() === '' || current === drafted.current) return void fill(quarter, true);
    modal.confirm({
      title: t('record.regenerateQuestion'),
      content: t('record.regenerateHint'),
      onOk: () => fill(quarter, true),
    });
  };

  return (
    <>
      <Form.Item name="quarter" label={t('record.quarter')} required>
        <Select
          options={quarters.map((q) => ({ value: q, label: quarterText(t, q) }))}
          placeholder={t('record.quarterPlaceholder')}
          data-testid="quarter-select"
        />
      </Form.Item>
      <Form.Item
        name="body"
        label={
          <Space>
            <span>{t('record.reportBody')}</span>
            {quarter && (
              <Button
                size="small"
                type="link"
                icon={<ReloadOutlined />}
                loading={loading}
                onClick={regenerate}
              >
                {t('record.regenerate')}
              </Button>
            )}
          </Space>
        }
        required
        extra={<Typography.Text type="secondary">{t('record.reportHelp')}</Typography.Text>}
      >
        <Input.TextArea
          autoSize={{ minRows: 8, maxRows: 24 }}
          maxLength={20000}
          data-testid="report-body"
        />
      </Form.Item>
    </>
  );
}
