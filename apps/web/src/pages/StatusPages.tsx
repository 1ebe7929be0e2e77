import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('status.notFoundTitle')}
      subTitle={t('status.notFound')}
      extra={<Button onClick={() => navigate('/')}>{t('status.backHome')}</Button>}
    />
  );
}

export function ForbiddenPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('status.forbiddenTitle')}
      subTitle={t('status.forbidden')}
      extra={<Button onClick={() => navigate('/')}>{t('status.backHome')}</Button>}
    />
  );
}
