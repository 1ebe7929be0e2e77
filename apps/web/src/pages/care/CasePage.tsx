import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Card, Descriptions, Empty, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { careApi, type CareCaseView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { ActionBar } from '../../components/ActionBar.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { compactCard } from '../ledger/labels.tsx';
import { yuan } from '../rounds/labels.ts';
import { AdoptButton, CloseButton } from './CaseActions.tsx';
import { HelpForm } from './HelpForm.tsx';
import { daysText, VisitTag } from './labels.tsx';

/** 帮扶档案: the person (masked), the difficulty, the festival visits, the help timeline. */
export default function CasePage() {
  const { t } = useI18n();
  const phone = useIsPhone();
  const id = Number(useParams().id);
  const { data, error, loading } = useRequest(() => call(careApi.get, { params: { id } }), [id]);
  const [saved, setSaved] = useState<CareCaseView | null>(null);
  const view = saved?.id === id ? saved : data?.case;

  if (!view)
    return (
      <Card title={t('care.caseTitle')}>
        {error ? <Alert type="error" showIcon title={error.message} /> : loading && <Spin />}
      </Card>
    );
  const { person } = view;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap size={4}>
            <span>{person.name}</span>
            <Tag>{t(`care.kind.${view.kind}`)}</Tag>
            <Tag color={view.state === 'open' ? 'blue' : 'default'}>
              {t(`care.state.${view.state}`)}
            </Tag>
          </Space>
        }
        styles={phone ? compactCard : undefined}
        data-testid="care-case"
      >
        <Descriptions column={phone ? 1 : 2} size="small">
          <Descriptions.Item label={t('care.org')}>{person.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('care.idNumber')}>{person.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label={t('care.difficulties')}>
            {view.difficulties.map((d) => t(`care.difficulty.${d}`)).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('care.openedOn')}>{view.openedOn}</Descriptions.Item>
          {view.carer && (
            <Descriptions.Item label={t('care.carer')}>
              {view.carer.name}（{view.carerSince}）
            </Descriptions.Item>
          )}
          {view.closedOn && (
            <Descriptions.Item label={t('care.closedOn')}>
              {view.closedOn} {view.closeReason}
            </Descriptions.Item>
          )}
          {view.description && (
            <Descriptions.Item label={t('care.description')}>{view.description}</Descriptions.Item>
          )}
        </Descriptions>
        {view.state === 'open' && (
          <Space wrap style={{ marginTop: 8 }} data-testid="case-visits">
            {view.visits.map((v) => (
              <span key={v.festival}>
                {t('care.festivalOn', { festival: t(`care.festival.${v.festival}`), date: v.date })}{' '}
                <Typography.Text type="secondary">{daysText(t, v.daysLeft)}</Typography.Text>{' '}
                <VisitTag state={v.state} />
              </span>
            ))}
          </Space>
        )}
      </Card>
      {view.abilities.addHelp && <HelpForm view={view} onSaved={setSaved} />}
      <Card title={t('care.timeline')} size="small" styles={phone ? compactCard : undefined}>
        {view.help.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.noHelp')} />
        ) : (
          <Timeline
            items={view.help.map((h) => ({
              key: h.id,
              children: (
                <div data-testid={`help-${h.id}`}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{h.date}</Typography.Text>
                    <Tag>{t(`care.help.${h.kind}`)}</Tag>
                    {h.festival && (
                      <Tag color="red">
                        {h.festivalYear} {t(`care.festival.${h.festival}`)}
                      </Tag>
                    )}
                    {h.amount !== null && <span>{yuan(h.amount)}</span>}
                  </Space>
                  <div>{h.text}</div>
                  <Typography.Text type="secondary">
                    {[h.givenByOrg?.name, h.givenByName].filter(Boolean).join(' · ')}
                    {h.recordedBy && ` · ${t('care.by', { name: h.recordedBy })}`}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
        )}
        {(view.abilities.close || view.abilities.adopt) && (
          <ActionBar>
            {view.abilities.adopt && <AdoptButton view={view} onSaved={setSaved} />}
            {view.abilities.close && <CloseButton view={view} onSaved={setSaved} />}
          </ActionBar>
        )}
      </Card>
    </Space>
  );
}
