import { useEffect, useState } from 'react';
import { App, Alert, Button, Card, Empty, Form, Input, InputNumber, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  listItemFields,
  needCategories,
  resourceCategories,
  roundsApi,
  type ListItemView,
} from '@pairing/shared';
import { ActionBar } from '../../components/ActionBar.tsx';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/apiErrors.ts';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { RoundPicker, useRoundChoice } from './useRoundChoice.tsx';

type Kind = 'needs' | 'resources';
/** The form's rows: ones added here have no id until saved. */
type Values = { items: Array<Omit<ListItemView, 'id'>> };

const contracts = {
  needs: { read: roundsApi.needs, replace: roundsApi.replaceNeeds, ability: 'editNeeds' },
  resources: {
    read: roundsApi.resources,
    replace: roundsApi.replaceResources,
    ability: 'editResources',
  },
} as const;

/** A field's rule from the server's schema: the same refusal, in the same words. */
const fieldRule = (field: keyof typeof listItemFields) => ({
  validator: async (_: unknown, value: unknown) => {
    const parsed = listItemFields[field].safeParse(value ?? null);
    if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  },
});

/**
 * 需求清单 of a village or town, 资源清单 of an urban unit (S2 §2.2): the org's own list for the
 * chosen round, saved as a whole. The public directory filters villages by these needs.
 */
export function ListPage({ kind }: { kind: Kind }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const { rounds, round, select, error: roundsError } = useRoundChoice();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const categories = kind === 'needs' ? needCategories : resourceCategories;
  const roundId = round?.id;
  const orgId = me.orgId;

  useEffect(() => {
    if (roundId == null) return;
    let live = true;
    setError(null);
    call(contracts[kind].read, { params: { id: roundId, orgId } }).then(
      ({ items }) => live && form.setFieldsValue({ items }),
      (e: unknown) => live && setError(applyApiError(null, e)),
    );
    return () => {
      live = false;
    };
  }, [roundId, orgId, kind, form]);

  const { saving, submit: save } = useFormSubmit(
    form,
    async ({ items }: Values) => {
      if (roundId == null) return;
      setError(null);
      const body = items.map((i) => ({
        category: i.category,
        note: i.note?.trim() || null,
        amount: i.amount ?? null,
      }));
      const saved = await call(contracts[kind].replace, {
        params: { id: roundId, orgId },
        body: { items: body },
      });
      form.setFieldsValue({ items: saved.items });
      message.success(t('common.saved'));
    },
    setError,
  );

  const locked = round != null && !round.abilities[contracts[kind].ability];
  const title = t(kind === 'needs' ? 'menu.needs' : 'menu.resources');

  return (
    <Card
      title={`${title} · ${me.orgName}`}
      extra={<RoundPicker rounds={rounds} round={round} onSelect={select} />}
    >
      <Alert
        type="info"
        showIcon
        title={t(kind === 'needs' ? 'lists.needsHelp' : 'lists.resourcesHelp')}
        style={{ marginBottom: 16 }}
      />
      {roundsError && <Alert type="error" showIcon title={roundsError.message} />}
      {!round && !roundsError && <Empty description={t('rounds.none')} />}
      {locked && (
        <Alert type="warning" showIcon title={t('lists.locked')} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {round && (
        <Form form={form} onFinish={save} disabled={locked} initialValues={{ items: [] }}>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                    <Form.Item
                      name={[field.name, 'category']}
                      rules={[{ required: true, message: t('lists.categoryRequired') }]}
                    >
                      <Select
                        placeholder={t('lists.category')}
                        aria-label={t('lists.category')}
                        style={{ width: 150 }}
                        options={categories.map((c) => ({ value: c, label: c }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'note']} rules={[fieldRule('note')]}>
                      <Input placeholder={t('lists.note')} style={{ width: 360 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'amount']} rules={[fieldRule('amount')]}>
                      <InputNumber
                        placeholder={t('lists.amount')}
                        style={{ width: 180 }}
                        addonAfter="元"
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('lists.remove')}
                    />
                  </Space>
                ))}
                <ActionBar>
                  <Button icon={<PlusOutlined />} onClick={() => add({ category: categories[0] })}>
                    {t('lists.add')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={saving}>
                    {t('lists.publish')}
                  </Button>
                </ActionBar>
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Card>
  );
}

export function NeedsPage() {
  return <ListPage kind="needs" />;
}

export function ResourcesPage() {
  return <ListPage kind="resources" />;
}
