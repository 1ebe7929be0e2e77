import { useState } from 'react';
import { Alert, App, Checkbox, Form, Input, List, Modal, Space, Spin, Tag, Typography } from 'antd';
import {
  roundsApi,
  type RoundState,
  type UnfinishedItem,
  type UnfinishedKind,
  type UnfinishedOutcome,
} from '@pairing/shared';
import { ApiError, call } from '../../api/client.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { roundStateLabel } from './labels.ts';

const outcomeColor: Record<UnfinishedOutcome, string> = {
  lapse: 'error',
  remain: 'processing',
  allocate: 'warning',
  stayUncovered: 'default',
  closeEarly: 'gold',
};

const uncovered = (o: UnfinishedOutcome): MessageKey =>
  o === 'allocate' ? 'stage.effect.uncovered.allocate' : 'stage.effect.uncovered.stayUncovered';
const allocated = (o: UnfinishedOutcome): MessageKey =>
  o === 'remain' ? 'stage.effect.allocated.remain' : 'stage.effect.intentions.lapse';

/** What the stage change does to each kind of unfinished work, in words (server: rounds/stages.ts). */
const effect: Record<UnfinishedKind, (o: UnfinishedOutcome) => MessageKey> = {
  intentionDeadlineAhead: () => 'stage.effect.intentionDeadlineAhead',
  signingDeadlineAhead: () => 'stage.effect.signingDeadlineAhead',
  termAhead: () => 'stage.effect.termAhead',
  pendingIntentions: () => 'stage.effect.intentions.lapse',
  allocatedAwaitingBoth: allocated,
  allocatedAwaitingOne: allocated,
  renewalsAwaiting: () => 'stage.effect.renewalsAwaiting',
  renewalsUnanswered: () => 'stage.effect.renewalsUnanswered',
  uncoveredTargets: uncovered,
  uncoveredWeakVillages: uncovered,
  quotasBehind: uncovered,
  draftAgreements: () => 'stage.effect.agreements.lapse',
  halfSignedAgreements: () => 'stage.effect.agreements.lapse',
  openAmendments: () => 'stage.effect.openAmendments',
};

type Values = { confirm?: boolean; reason?: string };

/**
 * The stage change of a round: what moving to `to` leaves unfinished (the server's preview), what
 * happens to each, and — when anything is unfinished — an explicit confirmation and a reason,
 * which the server requires and records (R-DEADLINE-INTENT, R-DEADLINE-SIGN, R-COVERAGE).
 */
export function TransitionDialog({
  round,
  to,
  onClose,
  onDone,
}: {
  round: { id: number; state: RoundState };
  to: RoundState;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const preview = useRequest(
    () => call(roundsApi.transitionPreview, { params: { id: round.id }, query: { to } }),
    [round.id, to],
  );
  const items = preview.data?.items ?? [];
  const guarded = preview.data?.needsConfirmation ?? false;
  const confirmed = Form.useWatch('confirm', form) === true;
  const reason = (Form.useWatch('reason', form) ?? '').trim();
  const ready = preview.data != null && (!guarded || (confirmed && reason.length > 0));

  const submit = async () => {
    setSaving(true);
    setFailed(null);
    try {
      await call(roundsApi.transition, {
        params: { id: round.id },
        body: guarded ? { to, confirm: true, reason } : { to },
      });
      message.success(t('rounds.transitioned', { to: roundStateLabel(t, to) }));
      onDone();
    } catch (e) {
      // The work changed since the preview (someone acted meanwhile): show it afresh.
      if (e instanceof ApiError && e.code === 'transition_unconfirmed') {
        setFailed(t('stage.changed'));
        preview.reload();
      } else setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const lapses = items.some((i) => i.outcome === 'lapse');
  return (
    <Modal
      open
      title={t('rounds.transitionTitle', {
        from: roundStateLabel(t, round.state),
        to: roundStateLabel(t, to),
      })}
      okText={t('stage.submit')}
      okButtonProps={{
        disabled: !ready,
        danger: lapses,
        'data-testid': 'transition-submit',
      }}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t(`rounds.transitionHint.${to}`)}</Typography.Text>
        {preview.loading && !preview.data && (
          <Space>
            <Spin size="small" />
            {t('stage.checking')}
          </Space>
        )}
        {preview.error && <Alert type="error" showIcon title={preview.error.message} />}
        {failed && <Alert type="error" showIcon title={failed} data-testid="transition-error" />}
        {preview.data && !guarded && <Alert type="success" showIcon title={t('stage.nothing')} />}
        {guarded && (
          <>
            <Alert type="warning" showIcon title={t('stage.unfinished')} />
            <List
              size="small"
              bordered
              dataSource={items}
              data-testid="transition-unfinished"
              renderItem={(item: UnfinishedItem) => (
                <List.Item data-testid={`unfinished-${item.kind}`}>
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Space wrap size={6}>
                      <Tag color={outcomeColor[item.outcome]}>
                        {t(`stage.outcome.${item.outcome}`)}
                      </Tag>
                      <Typography.Text strong>
                        {t(`stage.kind.${item.kind}`, { count: item.count, date: item.date ?? '' })}
                      </Typography.Text>
                    </Space>
                    <Typography.Text type="secondary">
                      {t(effect[item.kind](item.outcome))}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            <Form form={form} layout="vertical" requiredMark={false}>
              <Form.Item
                name="confirm"
                valuePropName="checked"
                rules={[{ required: true, message: t('stage.confirmRequired') }]}
                style={{ marginBottom: 8 }}
              >
                <Checkbox data-testid="transition-confirm">{t('stage.confirm')}</Checkbox>
              </Form.Item>
              <Form.Item
                name="reason"
                label={t('stage.reason')}
                rules={[{ required: true, whitespace: true, message: t('stage.reasonRequired') }]}
              >
                <Input.TextArea
                  rows={2}
                  maxLength={200}
                  showCount
                  placeholder={t('stage.reasonPlaceholder')}
                  data-testid="transition-reason"
                />
              </Form.Item>
            </Form>
          </>
        )}
      </Space>
    </Modal>
  );
}
