import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tag } from 'antd';
import { peopleApi, type PersonView } from '@pairing/shared';
import { ApiError, call } from '../../api/client.ts';
import { ActionBar } from '../../components/ActionBar.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { genderLabel, kindLabel, tagLabel } from './labels.ts';
import { PersonFormModal } from './PersonFormModal.tsx';
import { RevealModal } from './RevealModal.tsx';

/**
 * One person (issue 14 item 1): the summary, numbers masked. The modules built on the registry
 * (1+2, care, mobile members) add their sections below it through `sections`.
 */
export default function PersonPage({ sections }: { sections?: (p: PersonView) => ReactNode }) {
  const { id } = useParams();
  const { t } = useI18n();
  const { data, error, loading, reload } = useRequest(
    () => call(peopleApi.get, { params: { id: Number(id) } }),
    [id],
  );
  const [dialog, setDialog] = useState<'edit' | 'reveal' | null>(null);

  if (loading && !data) return <Spin size="large" className="app-page-spin" />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('people.notFound')} />;
  if (error || !data) return <Alert type="error" showIcon title={error?.message} />;
  const p = data.person;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={p.name} extra={<Link to="/people">{t('people.back')}</Link>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="person-summary">
          <Descriptions.Item label={t('people.kindLabel')}>
            {kindLabel(t, p.kind)}
          </Descriptions.Item>
          <Descriptions.Item label={t('people.genderLabel')}>
            {genderLabel(t, p.gender)}
          </Descriptions.Item>
          <Descriptions.Item label={t('people.birthYear')}>{p.birthYear}</Descriptions.Item>
          <Descriptions.Item label={t('people.org')}>{p.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('people.secondOrg')}>
            {p.secondOrgName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('people.idNumber')}>{p.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label={t('people.phone')}>{p.phoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('people.account')}>
            {p.userName ?? t('people.noAccount')}
          </Descriptions.Item>
          <Descriptions.Item label={t('people.tags')}>
            <Space size={[0, 4]} wrap>
              {p.tags.map((tag) => (
                <Tag key={tag} bordered={false}>
                  {tagLabel(t, tag)}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          {p.note && <Descriptions.Item label={t('people.note')}>{p.note}</Descriptions.Item>}
        </Descriptions>
        {(p.abilities.reveal || p.abilities.update) && (
          <ActionBar>
            {p.abilities.reveal && (
              <Button onClick={() => setDialog('reveal')}>{t('people.reveal')}</Button>
            )}
            {p.abilities.update && (
              <Button type="primary" onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
            )}
          </ActionBar>
        )}
      </Card>
      {sections?.(p)}
      {dialog === 'reveal' && <RevealModal person={p} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && (
        <PersonFormModal
          person={p}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            reload();
          }}
        />
      )}
    </Space>
  );
}
