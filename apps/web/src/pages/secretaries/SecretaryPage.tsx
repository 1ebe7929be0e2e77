import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Collapse, Descriptions, Empty, Result, Space, Spin, Tag } from 'antd';
import { secretariesApi, type SecretaryDetail } from '@pairing/shared';
import { ApiError, call } from '../../api/client.ts';
import { ActionBar } from '../../components/ActionBar.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { yuan } from '../rounds/labels.ts';
import { AllowanceView } from './AllowanceView.tsx';
import { EndTermModal } from './EndTermModal.tsx';
import { PayBreakdown } from './PayBreakdown.tsx';
import { TermModal } from './TermModal.tsx';

/** One secretary: the person (masked), the terms with any allowance, the years assessed. */
export default function SecretaryPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useRequest(
    () => call(secretariesApi.get, { params: { id: Number(id) } }),
    [id],
  );
  // Ending a term answers the secretary as he now stands.
  const [changed, setChanged] = useState<SecretaryDetail | null>(null);
  const [dialog, setDialog] = useState<'end' | 'term' | null>(null);
  const shown = changed?.person.id === Number(id) ? changed : data;

  if (loading && !shown) return <Spin size="large" className="app-page-spin" />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('secretaries.notFound')} />;
  if (error || !shown) return <Alert type="error" showIcon title={error?.message} />;
  const { person, terms, assessments, abilities } = shown;
  const last = terms.at(-1)!;

  return (
    // One card holds the page, so that the action bar stays at the bottom of a phone's screen.
    <Card title={person.name}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('secretaries.idNumber')}>
            {person.idNumberMasked}
          </Descriptions.Item>
          <Descriptions.Item label={t('secretaries.homeOrg')}>{person.orgName}</Descriptions.Item>
        </Descriptions>
        <Card type="inner" title={t('secretaries.terms')} size="small">
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="terms">
            {[...terms].reverse().map((term) => (
              <div key={term.id} className="responsive-card" data-testid={`term-${term.id}`}>
                <Space size={4} wrap>
                  <strong>{[term.townName, term.villageName].filter(Boolean).join(' · ')}</strong>
                  {term.to === null ? (
                    <Tag color="green">{t('secretaries.status.serving')}</Tag>
                  ) : (
                    <Tag>{t('secretaries.ended')}</Tag>
                  )}
                </Space>
                <span>
                  {term.from} — {term.to ?? t('secretaries.now')}
                </span>
                <span>
                  {t('secretaries.baseSubsidy')} {yuan(term.baseSubsidyPerYear)}
                </span>
                {term.allowance && <AllowanceView allowance={term.allowance} />}
              </div>
            ))}
          </Space>
        </Card>
        <Card type="inner" title={t('secretaries.history')} size="small">
          {assessments.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('secretaries.noAssessments')}
            />
          ) : (
            <Collapse
              data-testid="assessments"
              items={assessments.map((a) => ({
                key: a.id,
                label: (
                  <Space size={8} wrap>
                    <span>{t('secretaries.yearOption', { year: a.year })}</span>
                    <strong>{yuan(a.pay.total)}</strong>
                  </Space>
                ),
                children: (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {a.lines.map((line, i) => (
                      <div key={i}>
                        <Tag color={line.kind === 'gain' ? 'green' : 'red'}>
                          {t(`secretaries.kind.${line.kind}`)} {line.points}
                        </Tag>
                        {t(`secretaries.part.${line.part}`)}：{line.reason}
                      </div>
                    ))}
                    <PayBreakdown
                      pay={a.pay}
                      standard={a.parameters.standardPointsPerPart}
                      parametersFromYear={a.parametersFromYear}
                    />
                  </Space>
                ),
              }))}
            />
          )}
        </Card>
      </Space>
      <ActionBar>
        {abilities.endTerm && (
          <Button onClick={() => setDialog('end')}>{t('secretaries.endTerm')}</Button>
        )}
        {abilities.addTerm && (
          <Button onClick={() => setDialog('term')}>{t('secretaries.newTerm')}</Button>
        )}
        {abilities.assess && (
          <Button type="primary" onClick={() => navigate(`/secretaries/${person.id}/assess`)}>
            {t('secretaries.assess')}
          </Button>
        )}
      </ActionBar>
      {dialog === 'end' && (
        <EndTermModal
          term={last}
          onClose={() => setDialog(null)}
          onDone={(detail) => {
            setDialog(null);
            setChanged(detail);
          }}
        />
      )}
      {dialog === 'term' && (
        <TermModal
          person={person}
          village={{
            id: last.villageId,
            name: last.villageName,
            baseSubsidyPerYear: last.baseSubsidyPerYear,
          }}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setChanged(null);
            reload();
          }}
        />
      )}
    </Card>
  );
}
