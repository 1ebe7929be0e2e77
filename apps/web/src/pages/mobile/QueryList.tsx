import { useState } from 'react';
import { App, Button, Form, Input, List, Space, Tag, Typography } from 'antd';
import { mobileApi, type MobileQueryView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { dayOf } from './labels.tsx';

/** Queries about a member with their deadlines and answers; the asked side answers here. */
export function QueryList({
  queries,
  onAnswered,
}: {
  queries: MobileQueryView[];
  onAnswered: () => void;
}) {
  const { t } = useI18n();
  if (queries.length === 0) return null;
  return (
    <List
      size="small"
      dataSource={queries}
      renderItem={(q) => (
        <List.Item data-testid={`mobile-query-item-${q.id}`}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('mobile.askedBy', {
                side: t(`mobile.side.${q.fromSide}` as MessageKey),
                name: q.askedBy,
                at: dayOf(q.askedAt),
                deadline: q.deadline,
              })}
              {q.overdue && <Tag color="error">{t('mobile.overdue')}</Tag>}
            </Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {q.question}
            </Typography.Paragraph>
            {q.answer !== null ? (
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                data-testid={`mobile-answer-${q.id}`}
              >
                <Typography.Text type="secondary">
                  {t('mobile.answeredBy', {
                    name: q.answeredBy ?? '',
                    at: q.answeredAt ? dayOf(q.answeredAt) : '',
                  })}
                  ：
                </Typography.Text>
                {q.answer}
              </Typography.Paragraph>
            ) : (
              q.abilities.answer && <AnswerForm queryId={q.id} onDone={onAnswered} />
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

function AnswerForm({ queryId, onDone }: { queryId: number; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const [open, setOpen] = useState(false);
  const { saving, submit } = useFormSubmit(form, async (values) => {
    await call(mobileApi.answer, { params: { id: queryId }, body: values });
    message.success(t('mobile.answered'));
    onDone();
  });
  if (!open)
    return (
      <Button
        size="small"
        onClick={() => setOpen(true)}
        data-testid={`mobile-answer-open-${queryId}`}
      >
        {t('mobile.answer')}
      </Button>
    );
  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Form.Item name="answer" label={t('mobile.answerText')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid={`mobile-answer-text-${queryId}`} />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={saving}
        data-testid={`mobile-answer-send-${queryId}`}
      >
        {t('mobile.answer')}
      </Button>
    </Form>
  );
}
