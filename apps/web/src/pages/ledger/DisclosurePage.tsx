import { useParams } from 'react-router';
import { Button, Card, Col, Empty, Row, Space, Statistic, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { disclosureApi, type DisclosedFund } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { PublicShell, publicPending } from '../board/PublicShell.tsx';
import { yuan } from '../rounds/labels.ts';
import { fundChannelLabel, fundFormLabel } from './fundLabels.ts';
import './disclosure.css';

function Fund({ fund }: { fund: DisclosedFund }) {
  const { t } = useI18n();
  return (
    <div className="disclosure-fund" data-testid="disclosure-fund">
      <div className="disclosure-fund-head">
        <Space wrap size={4}>
          <Typography.Text strong>{fund.date}</Typography.Text>
          <Tag>{fundFormLabel(t, fund.form)}</Tag>
          <Tag color="blue">{fundChannelLabel(t, fund.channel)}</Tag>
        </Space>
        <span className="disclosure-amount">{yuan(fund.amount)}</span>
      </div>
      <div>
        {t('disclosure.donor')}：{fund.donor}
      </div>
      {fund.project && (
        <div>
          {t('disclosure.project')}：{fund.project}
        </div>
      )}
      <div>
        {t('disclosure.purpose')}：{fund.purpose}
      </div>
      <div>
        <Typography.Text type="secondary">{t('disclosure.uses')}：</Typography.Text>
        {fund.uses.length === 0 && (
          <Typography.Text type="secondary">{t('disclosure.noUses')}</Typography.Text>
        )}
      </div>
      {fund.uses.length > 0 && (
        <ul className="disclosure-uses">
          {fund.uses.map((use, i) => (
            <li key={i} data-testid="disclosure-use">
              {use.date} {use.purpose} {yuan(use.amount)}
            </li>
          ))}
        </ul>
      )}
      <Typography.Text type="secondary">
        {t('disclosure.balance')} {yuan(fund.balance)}
      </Typography.Text>
    </div>
  );
}

/** 村务公开 (R-DISCLOSE): a village's assistance funds by year, for anyone, on a phone or on paper. */
export default function DisclosurePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { data, error, loading } = useRequest(
    () => call(disclosureApi.village, { params: { id: Number(id) } }),
    [id],
  );

  const pending = publicPending(error, !loading && data !== undefined, t('disclosure.notFound'));
  if (pending || !data) return pending;

  return (
    <PublicShell>
      <div className="disclosure-page">
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="disclosure-village">
            {data.village.name}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('disclosure.title')} ·{' '}
            {t('disclosure.subtitle', { district: data.district, town: data.town })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('disclosure.asOf', { date: data.asOf })}
          </Typography.Paragraph>
          <Button
            className="no-print"
            icon={<PrinterOutlined />}
            style={{ marginTop: 12 }}
            onClick={() => window.print()}
          >
            {t('disclosure.print')}
          </Button>
        </Card>
        {data.years.length === 0 && (
          <Card style={{ marginTop: 16 }}>
            <Empty description={t('disclosure.empty')} />
          </Card>
        )}
        {data.years.map((year) => (
          <Card
            key={year.year}
            title={t('disclosure.year', { year: year.year })}
            style={{ marginTop: 16 }}
            data-testid={`disclosure-year-${year.year}`}
          >
            <Row gutter={8}>
              {(['received', 'used', 'balance'] as const).map((key) => (
                <Col span={8} key={key}>
                  <Statistic
                    title={t(`disclosure.${key}`)}
                    value={year[key]}
                    prefix="¥"
                    valueStyle={{ fontSize: 18 }}
                  />
                </Col>
              ))}
            </Row>
            {year.funds.map((fund, i) => (
              <Fund key={i} fund={fund} />
            ))}
          </Card>
        ))}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('disclosure.footnote')}
        </Typography.Paragraph>
      </div>
    </PublicShell>
  );
}
