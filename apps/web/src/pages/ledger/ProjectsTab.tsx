import { Card, Empty, Space, Tag, Typography } from 'antd';
import type { PairingView } from '@pairing/shared';
import { useI18n } from '../../i18n/index.tsx';
import { yuan } from '../rounds/labels.ts';
import { sideLabel } from './labels.tsx';

/** The signed agreement's projects (what progress and acceptance records refer to) and commitments. */
export function ProjectsTab({ pairing: p }: { pairing: PairingView }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('pairing.projects')}>
        {p.projects.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pairing.noProjects')} />
        ) : (
          <div className="ledger-cards" data-testid="projects">
            {p.projects.map((project) => (
              <div key={project.index} className="ledger-record" style={{ cursor: 'default' }}>
                <Space size={[4, 4]} wrap>
                  <strong>{project.title}</strong>
                  <Tag>{t('pairing.projectYear', { year: project.year })}</Tag>
                  <Tag color="volcano" variant="filled">
                    {yuan(project.budget)}
                  </Tag>
                </Space>
                {project.target && <div>{project.target}</div>}
                {project.indicator && (
                  <Typography.Text type="secondary">
                    {t('pairing.indicator', {
                      description: project.indicator.description,
                      quantity: project.indicator.quantity,
                      unit: project.indicator.unit,
                    })}
                  </Typography.Text>
                )}
              </div>
            ))}
          </div>
        )}
      </Card>
      <Card size="small" title={t('pairing.commitments')}>
        {p.commitments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pairing.noCommitments')} />
        ) : (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {p.commitments.map((c, index) => (
              <li key={index}>
                <Tag>{sideLabel(t, c.side)}</Tag>
                {c.text}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </Space>
  );
}
