import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  ArrowRightOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import {
  districtClasses,
  districtPairsApi,
  type DistrictClass,
  type DistrictPair,
} from '@pairing/shared';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ApiError, call } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useI18n, type MessageKey, type Translate } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/apiErrors.ts';
import { useRequest } from '../../lib/useRequest.ts';
import {
  canBeHelped,
  canHelp,
  districtClassColor,
  loadDistricts,
  type District,
} from '../orgs/districts.ts';
import { mayDo } from '../orgs/mayDo.ts';

type PairInput = { urbanDistrictId?: number; ruralDistrictId?: number };
type Values = { pairs: PairInput[] };
type Group = { id: number; name: string; rurals: Array<{ id: number; name: string }> };

/** The pairs, and for an editor the districts of the scope; every district with its class. */
async function loadTable(withDistricts: boolean) {
  const [{ items }, districts] = await Promise.all([
    call(districtPairsApi.list),
    withDistricts ? loadDistricts() : Promise.resolve<District[]>([]),
  ]);
  const classes = new Map<number, DistrictClass | null>([
    ...districts.map((d) => [d.id, d.districtClass] as const),
    ...items.flatMap((p) => [
      [p.urbanDistrictId, p.urbanDistrictClass] as const,
      [p.ruralDistrictId, p.ruralDistrictClass] as const,
    ]),
  ]);
  return { pairs: items, classes, districts };
}

function groupPairs(pairs: DistrictPair[]): Group[] {
  const groups = new Map<number, Group>();
  for (const p of pairs) {
    const group = groups.get(p.urbanDistrictId) ?? {
      id: p.urbanDistrictId,
      name: p.urbanDistrictName,
      rurals: [],
    };
    group.rurals.push({ id: p.ruralDistrictId, name: p.ruralDistrictName });
    groups.set(p.urbanDistrictId, group);
  }
  return [...groups.values()];
}

const classLabel = (t: Translate, c: DistrictClass) => t(`districtClass.${c}` as MessageKey);

function DistrictName({
  name,
  districtClass,
}: {
  name: string;
  districtClass: DistrictClass | null | undefined;
}) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <span>{name}</span>
      {districtClass && (
        <Tag color={districtClassColor[districtClass]} bordered={false}>
          {classLabel(t, districtClass)}
        </Tag>
      )}
    </Space>
  );
}

/** Select options grouped by district class, keeping only the classes `keep` allows. */
function districtOptions(t: Translate, districts: District[], keep: (c: DistrictClass) => boolean) {
  return districtClasses
    .filter(keep)
    .map((c) => ({
      label: classLabel(t, c),
      options: districts
        .filter((d) => d.districtClass === c)
        .map((d) => ({ value: d.id, label: d.name })),
    }))
    .filter((group) => group.options.length > 0);
}

export default function DistrictPairsPage() {
  const { t } = useI18n();
  const me = useMe();
  const editable = mayDo(me, 'directory.editDistrictPairs');
  const [editing, setEditing] = useState(false);
  const { data, error, loading, reload } = useRequest(() => loadTable(editable), [editable]);

  const groups = groupPairs(data?.pairs ?? []);
  const classOf = (id: number) => data?.classes.get(id);

  const columns: TableColumnsType<Group> = [
    {
      title: t('districtPairs.urban'),
      dataIndex: 'name',
      width: 240,
      render: (name: string, group) => (
        <DistrictName name={name} districtClass={classOf(group.id)} />
      ),
    },
    {
      title: t('districtPairs.rural'),
      key: 'rurals',
      render: (_, group) => (
        <Space size={[16, 4]} wrap>
          {group.rurals.map((r) => (
            <DistrictName key={r.id} name={r.name} districtClass={classOf(r.id)} />
          ))}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('districtPairs.title')}
      extra={
        !editing && (
          <Space>
            {editable && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                disabled={!data}
                onClick={() => setEditing(true)}
                data-testid="district-pairs-edit"
              >
                {t('common.edit')}
              </Button>
            )}
            <Button icon={<ReloadOutlined />} onClick={reload}>
              {t('common.refresh')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t('districtPairs.intro')} {editable ? '' : t('districtPairs.readOnly')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {editing && data ? (
        <PairsEditor
          pairs={data.pairs}
          districts={data.districts}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      ) : (
        <ResponsiveTable<Group>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={groups}
          pagination={false}
          locale={{
            emptyText: (
              <Empty description={t('districtPairs.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ),
          }}
          data-testid="district-pairs-table"
        />
      )}
    </Card>
  );
}

function PairsEditor({
  pairs,
  districts,
  onCancel,
  onSaved,
}: {
  pairs: DistrictPair[];
  districts: District[];
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const urbanOptions = districtOptions(t, districts, canHelp);
  const ruralOptions = districtOptions(t, districts, canBeHelped);

  const save = async (values: Values) => {
    setSaving(true);
    try {
      // Both selects of a pair are required, so a submitted pair has both ids.
      const pairs = (values.pairs ?? []) as Array<Required<PairInput>>;
      await call(districtPairsApi.replace, { body: { pairs } });
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      // A duplicate comes back on the whole pair (`pairs.3`); show it on the pair's second select.
      const fields =
        e instanceof ApiError
          ? Object.fromEntries(
              Object.entries(e.fields).map(([key, text]) => [
                /^pairs\.\d+$/.test(key) ? `${key}.ruralDistrictId` : key,
                text,
              ]),
            )
          : {};
      message.error(
        applyApiError(
          form,
          e instanceof ApiError ? new ApiError(e.status, e.code, e.message, fields) : e,
        ),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      onFinish={save}
      initialValues={{
        pairs: pairs.map((p) => ({
          urbanDistrictId: p.urbanDistrictId,
          ruralDistrictId: p.ruralDistrictId,
        })),
      }}
      data-testid="district-pairs-form"
    >
      <Form.List name="pairs">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && (
              <Empty description={t('districtPairs.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
            {fields.map((field) => (
              <Space
                key={field.key}
                align="baseline"
                wrap
                style={{ display: 'flex' }}
                data-testid="pair-row"
              >
                <Form.Item
                  name={[field.name, 'urbanDistrictId']}
                  rules={[{ required: true, message: t('districtPairs.urbanRequired') }]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('districtPairs.urban')}
                    aria-label={t('districtPairs.urban')}
                    options={urbanOptions}
                    style={{ width: 220 }}
                    data-testid="pair-urban"
                  />
                </Form.Item>
                <ArrowRightOutlined />
                <Form.Item
                  name={[field.name, 'ruralDistrictId']}
                  dependencies={[['pairs', field.name, 'urbanDistrictId']]}
                  rules={[
                    { required: true, message: t('districtPairs.ruralRequired') },
                    ({ getFieldValue }) => ({
                      validator(_, value?: number) {
                        const all = (getFieldValue('pairs') ?? []) as PairInput[];
                        const mine = all[field.name];
                        if (value && mine?.urbanDistrictId === value) {
                          return Promise.reject(new Error(t('districtPairs.same')));
                        }
                        const twice = all.some(
                          (p, i) =>
                            i < field.name &&
                            p?.urbanDistrictId === mine?.urbanDistrictId &&
                            p?.ruralDistrictId === value,
                        );
                        if (value && twice) {
                          return Promise.reject(new Error(t('districtPairs.duplicate')));
                        }
                        return Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('districtPairs.rural')}
                    aria-label={t('districtPairs.rural')}
                    options={ruralOptions}
                    style={{ width: 220 }}
                    data-testid="pair-rural"
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('districtPairs.remove')}
                  title={t('districtPairs.remove')}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Form.Item>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add()}
                style={{ width: 520, maxWidth: '100%' }}
                data-testid="pairs-add"
              >
                {t('districtPairs.add')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="pairs-save">
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
