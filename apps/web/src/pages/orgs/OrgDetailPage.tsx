import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Statistic,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { orgsApi } from '@pairing/shared';
import { ApiError, call } from '../../api/client.ts';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { breadcrumbAncestors } from './breadcrumb.ts';
import { kindColor } from './orgOptions.ts';
import { UnitEditModal } from './UnitEditModal.tsx';

const ruralKinds = new Set(['town', 'village']);
// Kinds that normally have nothing below them; their detail skips the empty children card.
const leafKinds = new Set(['village', 'community', 'urban_unit']);

export default function OrgDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [savingWeak, setSavingWeak] = useState(false);
  const { data, error, loading, reload } = useRequest(
    () => call(orgsApi.get, { params: { id: Number(id) } }).then((r) => r.org),
    [id],
  );

  if (loading && !data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('org.notFound')}
        extra={<Button onClick={() => navigate('/orgs')}>{t('org.backToDirectory')}</Button>}
      />
    );
  }
  if (error || !data) return <Alert type="error" showIcon title={error?.message} />;

  const org = data;
  const editable = org.abilities.update;
  const money = (value: number | null) =>
    value === null || value === undefined ? '—' : `¥ ${value.toLocaleString('zh-CN')}`;

  const setWeak = async (weakVillage: boolean) => {
    setSavingWeak(true);
    try {
      await call(orgsApi.update, { params: { id: org.id }, body: { weakVillage } });
      message.success(t('common.saved'));
      reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSavingWeak(false);
    }
  };

  const ancestorOf = (kind: string) => org.ancestors?.find((a) => a.kind === kind)?.name;
  const parent = org.ancestors?.at(-1);
  const childCounts = Object.entries(org.childCounts ?? {}).filter(([, count]) => count > 0);

  return (
    <>
      <Breadcrumb
        data-testid="org-breadcrumb"
        items={[
          { title: <Link to="/orgs">{t('menu.directory')}</Link> },
          ...breadcrumbAncestors(org.ancestors ?? [], org.name).map((a) => ({
            title: <Link to={`/orgs/${a.id}`}>{a.name}</Link>,
          })),
          { title: org.name },
        ]}
      />
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="org-name">
              {org.name}
            </Typography.Title>
            <Tag color={kindColor[org.kind]} bordered={false}>
              {enumLabel(t, 'kind', org.kind)}
            </Tag>
            {org.weakVillage && (
              <Tag color="red" data-testid="weak-tag">
                {t('org.weakVillage')}
              </Tag>
            )}
          </Space>
        }
        extra={
          editable &&
          org.kind === 'urban_unit' && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('org.editUnit')}
            </Button>
          )
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('org.code')}>{org.code || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('org.kind')}>
            {enumLabel(t, 'kind', org.kind)}
          </Descriptions.Item>
          <Descriptions.Item label={t('org.parent')}>
            {parent ? <Link to={`/orgs/${parent.id}`}>{parent.name}</Link> : '—'}
          </Descriptions.Item>
          {org.kind === 'urban_unit' ? (
            <Descriptions.Item label={t('org.addressDistrict')}>
              {org.addressDistrictName || '—'}
            </Descriptions.Item>
          ) : (
            <>
              <Descriptions.Item label={t('org.district')}>
                {ancestorOf('district') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('org.town')}>
                {ancestorOf('town') || '—'}
              </Descriptions.Item>
            </>
          )}
          {org.kind === 'village' && (
            <Descriptions.Item label={t('org.weakVillage')}>
              {editable ? (
                <Popconfirm
                  title={org.weakVillage ? t('org.unmarkWeakConfirm') : t('org.markWeakConfirm')}
                  onConfirm={() => setWeak(!org.weakVillage)}
                >
                  <Switch
                    checked={org.weakVillage}
                    loading={savingWeak}
                    checkedChildren={t('common.yes')}
                    unCheckedChildren={t('common.no')}
                  />
                </Popconfirm>
              ) : org.weakVillage ? (
                t('common.yes')
              ) : (
                t('common.no')
              )}
            </Descriptions.Item>
          )}
          {ruralKinds.has(org.kind) && (
            <Descriptions.Item label={t('org.covered')}>
              {org.covered ? (
                <Tag color="success">{t('org.coveredYes')}</Tag>
              ) : (
                <Tag>{t('org.coveredNo')}</Tag>
              )}
            </Descriptions.Item>
          )}
          {org.kind === 'urban_unit' && (
            <>
              <Descriptions.Item label={t('org.unitType')}>{org.unitType || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('org.capacity')}>{org.capacity ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('org.yearlyBudget')}>
                {money(org.yearlyBudget)}
              </Descriptions.Item>
              <Descriptions.Item label={t('org.resourceTags')}>
                {org.resourceTags?.length
                  ? org.resourceTags.map((tag) => <Tag key={tag}>{tag}</Tag>)
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('org.contactName')}>
                {org.contactName || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('org.contactPhone')}>
                {org.contactPhone || '—'}
              </Descriptions.Item>
            </>
          )}
        </Descriptions>
      </Card>
      {(childCounts.length > 0 || !leafKinds.has(org.kind)) && (
        <Card
          title={t('org.children')}
          extra={
            childCounts.length > 0 && (
              <Link to={`/orgs?parentId=${org.id}&parentName=${encodeURIComponent(org.name)}`}>
                {t('org.viewChildren')}
              </Link>
            )
          }
        >
          {childCounts.length ? (
            <Space size={48} wrap>
              {childCounts.map(([kind, count]) => (
                <Statistic key={kind} title={enumLabel(t, 'kind', kind)} value={count} />
              ))}
            </Space>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noChildren')} />
          )}
        </Card>
      )}
      {editing && (
        <UnitEditModal
          org={org}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
    </>
  );
}
