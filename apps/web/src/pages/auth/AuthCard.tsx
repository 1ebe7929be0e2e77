import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx';
import '../../layout/layout.css';

/** The centred card that login and password change share. */
export function AuthCard({ subtitle, children }: { subtitle: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth-page">
      <div className="auth-lang">
        <LanguageSwitch />
      </div>
      <Card className="auth-card">
        <Typography.Title level={3} style={{ textAlign: 'center', color: '#a8071a', marginTop: 8 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {subtitle}
        </Typography.Paragraph>
        {children}
      </Card>
    </div>
  );
}
