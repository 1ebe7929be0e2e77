import { useState } from 'react';
import { App, Button, Empty, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  ledgerApi,
  rosterInput,
  rosterRoles,
  type PairingView,
  type RosterEntry,
} from '@pairing/shared';
import { call, newIdempotencyKey } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { chinaToday } from './dates.ts';
import { DateField } from './form/DateField.tsx';
import { showIssues } from './form/fieldErrors.ts';
import './ledger.css';

const roleColors = { principal: 'red', team: 'orange', lead: 'blue', member: 'default' } as const;

/**
 * The unit's leadership roster for this pairing (R-VISIT-PRINCIPAL, R-VISIT-LEAD): who holds
 * which role from when to when. A leader who leaves is ended, not deleted, so the visits they
 * made keep counting for the period they served.
 */
export function RosterTab({
  pairing: p,
  onChanged,
}: {
  pairing: PairingView;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<RosterEntry | null>(null);
  const may = p.abilities.manageRoster;
  // Serving first (by role), then those who left, latest first.
  const entries = [...p.roster].sort(
    (a, b) =>
      Number(a.to !== null) - Number(b.to !== null) ||
      rosterRoles.indexOf(a.role) - rosterRoles.indexOf(b.role) ||
      (b.to ?? '').localeCompare(a.to ?? ''),
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('roster.hint')}</Typography.Text>
      {may && (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="roster-add">
          {t('roster.add')}
        </Button>
      )}
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('roster.empty')} />
      ) : (
        <div className="ledger-cards" data-testid="roster">
          {entries.map((entry) => (
            <div
              key={entry.id}
              className="ledger-record"
              style={{ cursor: 'default', opacity: entry.to ? 0.65 : 1 }}
              data-testid={`roster-${entry.id}`}
            >
              <Space size={[4, 4]} wrap>
                <strong>{entry.name}</strong>
                <span>{entry.post}</span>
                <Tag color={roleColors[entry.role]}>{t(`rosterRole.${entry.role}`)}</Tag>
                {entry.to && <Tag>{t('roster.left')}</Tag>}
              </Space>
              <Space size={[8, 4]} wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text type="secondary">
                  {entry.from} — {entry.to ?? t('roster.now')}
                </Typography.Text>
                {may && !entry.to && (
                  <Button size="small" onClick={() => setEnding(entry)}>
                    {t('roster.end')}
                  </Button>
                )}
              </Space>
            </div>
          ))}
        </div>
      )}
      {adding && (
        <AddModal
          pairing={p}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
      {ending && (
        <EndModal
          pairing={p}
          entry={ending}
          onClose={() => setEnding(null)}
          onDone={() => {
            setEnding(null);
            onChanged();
          }}
        />
      )}
    </Space>
  );
}

type AddValues = {
  name: string;
  post: string;
  role?: string;
  from: string | null;
  to: string | null;
};

function AddModal({
  pairing: p,
  onClose,
  onDone,
}: {
  pairing: PairingView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [saving, setSaving] = useState(false);
  // One key for this addition, sent again if the first answer was lost.
  const [key] = useState(() => newIdempotencyKey('roster'));

  const save = async () => {
    const parsed = rosterInput.safeParse(form.getFieldsValue(true));
    if (!parsed.success) return void showIssues(form, parsed.error.issues);
    setSaving(true);
    try {
      await call(ledgerApi.addRosterEntry, {
        params: { id: p.id },
        body: parsed.data,
        idempotencyKey: key,
      });
      message.success(t('roster.added', { name: parsed.data.name }));
      onDone();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('roster.add')}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
    >
      <Form<AddValues>
        form={form}
        layout="vertical"
        initialValues={{ name: '', post: '', from: p.termStart, to: null }}
        data-testid="roster-form"
      >
        <Form.Item name="name" label={t('roster.name')} required>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="post" label={t('roster.post')} required>
          <Input maxLength={60} placeholder={t('roster.postPlaceholder')} />
        </Form.Item>
        <Form.Item name="role" label={t('roster.role')} required extra={t('roster.roleHelp')}>
          <Select
            options={rosterRoles.map((role) => ({ value: role, label: t(`rosterRole.${role}`) }))}
          />
        </Form.Item>
        <Form.Item name="from" label={t('roster.from')} required>
          <DateField />
        </Form.Item>
        <Form.Item name="to" label={t('roster.to')} extra={t('roster.toHelp')}>
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EndModal({
  pairing: p,
  entry,
  onClose,
  onDone,
}: {
  pairing: PairingView;
  entry: RosterEntry;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [to, setTo] = useState<string | null>(chinaToday());
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const body = ledgerApi.endRosterEntry.body.safeParse({ to });
    if (!body.success) return void message.error(body.error.issues[0].message);
    setSaving(true);
    try {
      await call(ledgerApi.endRosterEntry, {
        params: { id: p.id, entryId: entry.id },
        body: body.data,
      });
      message.success(t('roster.ended', { name: entry.name }));
      onDone();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('roster.endTitle', { name: entry.name })}
      okText={t('roster.end')}
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('roster.endHint')}</Typography.Text>
        <DateField value={to} onChange={setTo} min={entry.from} />
      </Space>
    </Modal>
  );
}
