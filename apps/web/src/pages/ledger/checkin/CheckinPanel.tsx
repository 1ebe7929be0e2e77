import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { checkinsApi, type CheckinCode, type CheckinList } from '@pairing/shared';
import { call } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/ListControls.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { loadCode, saveCode } from './codeStore.ts';
import { QrCode } from './QrCode.tsx';

/** How often the organizer's list asks who has checked in. */
export const POLL_MS = 4000;

/** Who has checked in, asked again every few seconds while the page is visible; `refresh` asks now. */
function useCheckins(recordId: number) {
  const [list, setList] = useState<CheckinList>();
  const [error, setError] = useState<Error | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const value = await call(checkinsApi.list, { params: { id: recordId } });
        if (!live) return;
        setList(value);
        setError(null);
      } catch (e) {
        if (live) setError(e instanceof Error ? e : new Error(String(e)));
      }
    };
    void load();
    const timer = setInterval(() => {
      setNow(Date.now());
      if (!document.hidden) void load();
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [recordId, version]);
  const refresh = useCallback(() => {
    setNow(Date.now());
    setVersion((v) => v + 1);
  }, []);
  return { list, error, now, refresh };
}

/**
 * 扫码签到 for the organizer of a visit or activity (issue 12 item 6): opens the code, shows it
 * as a QR code with its expiry, and lists who has checked in. Pages of a record embed it.
 */
export function CheckinPanel({ recordId }: { recordId: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { list, error, now, refresh } = useCheckins(recordId);
  const [code, setCode] = useState<CheckinCode | null>(() => loadCode(recordId));
  const [opening, setOpening] = useState(false);

  // The code on screen works while the server's current code is the one this tab opened (a code
  // opened elsewhere replaces it) and it has not expired. Right after opening, the list is asked
  // again at once, so the QR code shows as soon as the server's answer names it.
  const shown =
    code && list?.openUntil === code.expiresAt && Date.parse(code.expiresAt) > now ? code : null;
  const canOpen = list?.abilities.open ?? false;
  const link = shown ? new URL(shown.url, window.location.origin).href : '';

  const open = async () => {
    setOpening(true);
    try {
      const opened = await call(checkinsApi.open, { params: { id: recordId } });
      saveCode(recordId, opened);
      setCode(opened);
      refresh();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setOpening(false);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      message.success(t('checkin.copied'));
    } catch {
      message.info(link);
    }
  };

  const openButton = !canOpen ? null : list?.openUntil ? (
    <Popconfirm title={t('checkin.reopenConfirm')} onConfirm={open}>
      <Button loading={opening} data-testid="checkin-reopen">
        {t('checkin.reopen')}
      </Button>
    </Popconfirm>
  ) : (
    <Button
      type="primary"
      icon={<QrcodeOutlined />}
      loading={opening}
      onClick={open}
      data-testid="checkin-open"
    >
      {t('checkin.open')}
    </Button>
  );

  const checkedIn = list?.checkins ?? [];
  return (
    <Card title={t('checkin.panelTitle')} loading={!list && !error} data-testid="checkin-panel">
      <ErrorAlert error={error} />
      {shown && <QrCode value={link} label={t('checkin.qrLabel')} />}
      <Space orientation="vertical" align="center" style={{ width: '100%', marginTop: 8 }}>
        {shown ? (
          <>
            <Typography.Text>{t('checkin.scanHint')}</Typography.Text>
            <Typography.Text type="secondary" data-testid="checkin-valid-until">
              {t('checkin.validUntil', { time: dayjs(shown.expiresAt).format('HH:mm') })}
            </Typography.Text>
            <Button type="link" onClick={copy}>
              {t('checkin.copyLink')}
            </Button>
          </>
        ) : (
          <Typography.Text type="secondary">
            {code && Date.parse(code.expiresAt) <= now
              ? t('checkin.expired')
              : list?.openUntil
                ? t('checkin.validUntil', { time: dayjs(list.openUntil).format('HH:mm') })
                : canOpen
                  ? t('checkin.notOpen')
                  : t('checkin.cannotOpen')}
          </Typography.Text>
        )}
        {openButton}
      </Space>
      <List
        style={{ marginTop: 16 }}
        header={<b>{t('checkin.checkedIn', { count: checkedIn.length })}</b>}
        dataSource={checkedIn}
        locale={{ emptyText: <Empty description={t('checkin.nobodyYet')} /> }}
        data-testid="checkin-list"
        renderItem={(c) => (
          <List.Item extra={dayjs(c.at).format('HH:mm')}>
            <Space>
              <span>{c.name}</span>
              <Tag color={c.rosterId === null ? 'default' : 'blue'}>
                {t(c.rosterId === null ? 'checkin.typedName' : 'checkin.fromRoster')}
              </Tag>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
