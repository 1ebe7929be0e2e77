import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../i18n/index.tsx';

/** Shows a one-time password once, with a copy button; it cannot be retrieved later. */
export function SecretModal({
  title,
  username,
  password,
  onClose,
}: {
  title: string;
  username: string;
  password: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={onClose}
      okText={t('users.passwordNoted')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
    >
      <Alert type="warning" showIcon title={t('users.passwordOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        {t('login.username')}: <Typography.Text strong>{username}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('users.initialPassword')}:{' '}
        <Typography.Text code copyable={{ text: password }} data-testid="initial-password">
          {password}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('users.mustChangeHint')}</Typography.Text>
    </Modal>
  );
}
