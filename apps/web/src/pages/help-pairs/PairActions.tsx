// The dialogs of one "1+2" pair: assign a cadre, edit the plan, record help with photos,
// conclude with the outcome, withdraw. Each validates with the contract's own schema, so its
// messages are the server's, and shows the server's per-field refusals on its items.
import { useState, type ReactNode } from 'react';
import {
  App,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Typography,
  type FormInstance,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  helpKinds,
  helpKindsWithAmount,
  helpOutcomeInput,
  helpPairsApi,
  helpPlanInput,
  helpRecordInput,
  helpWithdrawInput,
  type HelpKind,
  type HelpPairDetail,
} from '@pairing/shared';
import { ApiError, call, newIdempotencyKey } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { chinaToday } from '../ledger/dates.ts';
import { DateField } from '../ledger/form/DateField.tsx';
import { showIssues } from '../ledger/form/fieldErrors.ts';
import { PersonSelect } from './PersonSelect.tsx';
import { PhotoInput } from './PhotoInput.tsx';

type Props = { pair: HelpPairDetail; onClose: () => void; onDone: () => void };

/** A dialog that saves a form: the server's refusal goes on the form's items and as a message. */
function useSave(form: FormInstance) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setSaving(true);
    try {
      await work();
    } catch (e) {
      if (e instanceof ApiError)
        form.setFields(
          Object.entries(e.fields).map(([name, error]) => ({ name, errors: [error] })),
        );
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return { saving, run };
}

function Dialog({
  title,
  saving,
  onOk,
  onClose,
  children,
  testId,
}: {
  title: string;
  saving: boolean;
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': `${testId}-save` } as Record<`data-${string}`, string>}
    >
      {children}
    </Modal>
  );
}

export function AssignModal({ pair, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ cadreId?: number }>();
  const { saving, run } = useSave(form);
  const save = () =>
    run(async () => {
      const parsed = helpPairsApi.assign.body.safeParse(form.getFieldsValue(true));
      if (!parsed.success) return void showIssues(form, parsed.error.issues);
      await call(helpPairsApi.assign, { params: { id: pair.id }, body: parsed.data });
      message.success(t('helpPairs.assigned'));
      onDone();
    });
  return (
    <Dialog
      title={t('helpPairs.assign')}
      saving={saving}
      onOk={save}
      onClose={onClose}
      testId="assign"
    >
      <Typography.Paragraph type="secondary">{t('helpPairs.assignHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="cadreId" label={t('helpPairs.cadre')} required>
          <PersonSelect pairingId={pair.pairingId} role="cadre" />
        </Form.Item>
      </Form>
    </Dialog>
  );
}

export function PlanModal({ pair, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { saving, run } = useSave(form);
  const today = chinaToday();
  const initial = pair.plan ?? {
    measures: [''],
    targets: [{ text: '', value: null, unit: '', due: null, met: false }],
    startDate: today,
    endDate: null,
  };
  const save = () =>
    run(async () => {
      const parsed = helpPlanInput.safeParse(form.getFieldsValue(true));
      if (!parsed.success) return void showIssues(form, parsed.error.issues);
      await call(helpPairsApi.plan, { params: { id: pair.id }, body: parsed.data });
      message.success(t('helpPairs.planSaved'));
      onDone();
    });
  return (
    <Dialog title={t('helpPairs.plan')} saving={saving} onOk={save} onClose={onClose} testId="plan">
      <Form form={form} layout="vertical" initialValues={initial} data-testid="plan-form">
        <Form.List name="measures">
          {(fields, { add, remove }) => (
            <Form.Item label={t('helpPairs.measures')} required>
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((field) => (
                  <Space.Compact key={field.key} style={{ width: '100%' }}>
                    <Form.Item name={field.name} noStyle>
                      <Input maxLength={200} aria-label={t('helpPairs.measures')} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('helpPairs.remove')}
                      onClick={() => remove(field.name)}
                    />
                  </Space.Compact>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add('')}>
                  {t('helpPairs.addMeasure')}
                </Button>
              </Space>
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <Form.Item label={t('helpPairs.targets')} required>
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((field) => (
                  <div key={field.key} className="ledger-record" style={{ cursor: 'default' }}>
                    <Form.Item name={[field.name, 'text']} noStyle>
                      <Input maxLength={200} placeholder={t('helpPairs.targetText')} />
                    </Form.Item>
                    <Space.Compact style={{ width: '100%' }}>
                      <Form.Item name={[field.name, 'value']} noStyle>
                        <InputNumber
                          min={0}
                          placeholder={t('helpPairs.targetValue')}
                          style={{ width: '60%' }}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'unit']} noStyle>
                        <Input
                          maxLength={20}
                          placeholder={t('helpPairs.targetUnit')}
                          style={{ width: '40%' }}
                        />
                      </Form.Item>
                    </Space.Compact>
                    <Form.Item name={[field.name, 'due']} noStyle>
                      <DateField />
                    </Form.Item>
                    <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                      <Form.Item name={[field.name, 'met']} valuePropName="checked" noStyle>
                        <Checkbox>{t('helpPairs.targetMet')}</Checkbox>
                      </Form.Item>
                      <Button
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                      >
                        {t('helpPairs.remove')}
                      </Button>
                    </Space>
                  </div>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ text: '', value: null, unit: '', due: null, met: false })}
                >
                  {t('helpPairs.addTarget')}
                </Button>
              </Space>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="startDate" label={t('helpPairs.startDate')} required>
          <DateField />
        </Form.Item>
        <Form.Item name="endDate" label={t('helpPairs.endDate')} required>
          <DateField />
        </Form.Item>
      </Form>
    </Dialog>
  );
}

type RecordValues = { kind: HelpKind; date: string; text: string; amount: number | null };

export function RecordModal({ pair, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const { saving, run } = useSave(form);
  const [files, setFiles] = useState<File[]>([]);
  // One key for this record across retries, so a resend on a bad network records it once.
  const [key, setKey] = useState(() => newIdempotencyKey('help'));
  const kind = Form.useWatch('kind', form);
  const today = chinaToday();
  const save = () =>
    run(async () => {
      const values = form.getFieldsValue(true) as RecordValues;
      const withAmount = helpKindsWithAmount.includes(values.kind);
      const parsed = helpRecordInput.safeParse({
        ...values,
        amount: withAmount ? (values.amount ?? null) : null,
      });
      if (!parsed.success) return void showIssues(form, parsed.error.issues);
      let record;
      try {
        record = await call(helpPairsApi.record, {
          params: { id: pair.id },
          body: parsed.data,
          idempotencyKey: key,
        });
      } catch (e) {
        // The server keeps its refusal under the key: the corrected record is another request.
        if (e instanceof ApiError && e.status !== 0) setKey(newIdempotencyKey('help'));
        throw e;
      }
      for (const file of files) {
        const body = new FormData();
        body.append('file', file);
        try {
          await call(helpPairsApi.attachPhoto, {
            params: { id: record.id },
            body,
            idempotencyKey: newIdempotencyKey('help-photo'),
          });
        } catch (e) {
          message.warning(
            t('helpPairs.photoFailed', {
              name: file.name,
              message: e instanceof Error ? e.message : String(e),
            }),
          );
        }
      }
      message.success(t('helpPairs.recorded'));
      onDone();
    });
  return (
    <Dialog
      title={t('helpPairs.record')}
      saving={saving}
      onOk={save}
      onClose={onClose}
      testId="record"
    >
      <Form<RecordValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'policy', date: today, text: '', amount: null }}
        data-testid="help-record-form"
      >
        <Form.Item name="kind" label={t('helpPairs.recordKind')} required>
          <Select
            options={helpKinds.map((value) => ({ value, label: t(`helpKind.${value}`) }))}
            data-testid="help-record-kind"
          />
        </Form.Item>
        <Form.Item name="date" label={t('helpPairs.recordDate')} required>
          <DateField max={today} />
        </Form.Item>
        <Form.Item name="text" label={t('helpPairs.recordText')} required>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        {kind && helpKindsWithAmount.includes(kind) && (
          <Form.Item name="amount" label={t('helpPairs.recordAmount')} required>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item label={t('helpPairs.recordPhotos')}>
          <PhotoInput files={files} onChange={setFiles} />
        </Form.Item>
      </Form>
    </Dialog>
  );
}

type OutcomeValues = {
  incomeBefore: number | null;
  incomeAfter: number | null;
  outOfDifficulty: boolean;
  concludedOn: string;
  summary: string;
};

export function ConcludeModal({ pair, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OutcomeValues>();
  const { saving, run } = useSave(form);
  const today = chinaToday();
  const save = () =>
    run(async () => {
      const parsed = helpOutcomeInput.safeParse(form.getFieldsValue(true));
      if (!parsed.success) return void showIssues(form, parsed.error.issues);
      await call(helpPairsApi.conclude, { params: { id: pair.id }, body: parsed.data });
      message.success(t('helpPairs.concluded'));
      onDone();
    });
  return (
    <Dialog
      title={t('helpPairs.conclude')}
      saving={saving}
      onOk={save}
      onClose={onClose}
      testId="conclude"
    >
      <Typography.Paragraph type="secondary">{t('helpPairs.concludeHint')}</Typography.Paragraph>
      <Form<OutcomeValues>
        form={form}
        layout="vertical"
        initialValues={{
          incomeBefore: null,
          incomeAfter: null,
          outOfDifficulty: false,
          concludedOn: today,
          summary: '',
        }}
      >
        <Form.Item name="incomeBefore" label={t('helpPairs.incomeBefore')} required>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="incomeAfter" label={t('helpPairs.incomeAfter')} required>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="outOfDifficulty"
          label={t('helpPairs.outOfDifficulty')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="concludedOn" label={t('helpPairs.concludedOn')} required>
          <DateField max={today} />
        </Form.Item>
        <Form.Item name="summary" label={t('helpPairs.summary')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Dialog>
  );
}

export function WithdrawModal({ pair, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { saving, run } = useSave(form);
  const save = () =>
    run(async () => {
      const parsed = helpWithdrawInput.safeParse(form.getFieldsValue(true));
      if (!parsed.success) return void showIssues(form, parsed.error.issues);
      await call(helpPairsApi.withdraw, { params: { id: pair.id }, body: parsed.data });
      message.success(t('helpPairs.withdrawn'));
      onDone();
    });
  return (
    <Dialog
      title={t('helpPairs.withdraw')}
      saving={saving}
      onOk={save}
      onClose={onClose}
      testId="withdraw"
    >
      <Form form={form} layout="vertical" initialValues={{ reason: '' }}>
        <Form.Item name="reason" label={t('helpPairs.withdrawReason')} required>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Dialog>
  );
}
