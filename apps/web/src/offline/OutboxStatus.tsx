import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { Button } from 'antd';
import {
  CloudUploadOutlined,
  DisconnectOutlined,
  SyncOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useMe } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useIsPhone } from '../lib/useIsPhone.ts';
import { startOutbox } from './outbox.ts';
import { registerWorkerWhenIdle } from './registerWorker.ts';
import { rememberSession } from './session.ts';
import { useOutbox } from './useOutbox.ts';
import './outbox.css';

/**
 * The header's outbox line: offline, records waiting to be sent, or records refused (with a way to
 * the outbox page). Mounting it runs the outbox for the signed-in user and keeps the session for
 * an offline start; it shows nothing when the browser is online and the outbox empty.
 */
export default function OutboxStatus() {
  const me = useMe();
  const { userId } = me;
  const { t } = useI18n();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const { entries, online, syncing } = useOutbox();

  useEffect(() => {
    registerWorkerWhenIdle();
    return startOutbox(userId);
  }, [userId]);
  useEffect(() => rememberSession(me), [me]);

  const failed = entries?.filter((entry) => entry.state === 'failed').length ?? 0;
  const queued = (entries?.length ?? 0) - failed;
  if (online && failed === 0 && queued === 0) return null;

  const parts = [
    online ? null : t('outbox.offline'),
    queued ? t('outbox.status.queued', { count: queued }) : null,
    failed ? t('outbox.status.failed', { count: failed }) : null,
  ].filter(Boolean);
  const text = parts.join(' · ');
  const icon = failed ? (
    <WarningOutlined />
  ) : !online ? (
    <DisconnectOutlined />
  ) : syncing ? (
    <SyncOutlined spin />
  ) : (
    <CloudUploadOutlined />
  );

  // A phone's header has room for the icon and a number only; the words are its label.
  return (
    <Button
      type="text"
      size="small"
      className="outbox-status"
      data-testid="outbox-status"
      icon={icon}
      title={text}
      aria-label={text}
      onClick={() => navigate('/outbox')}
    >
      {phone ? (
        failed || queued || null
      ) : (
        <>
          {text}
          {failed ? <span className="outbox-status-view">{t('outbox.status.view')}</span> : null}
        </>
      )}
    </Button>
  );
}
