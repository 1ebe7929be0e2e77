import type { ReactNode } from 'react';
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
      {/* Plain elements, not antd's Card and Typography: their tabs, copy and edit features
          would bring menus, a text area and tooltips into the login page, the first a phone
          downloads. */}
      <section className="auth-card">
        <h3 className="auth-title">{t('app.name')}</h3>
        <p className="auth-subtitle">{subtitle}</p>
        {children}
      </section>
    </div>
  );
}
