import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  App,
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Popconfirm,
  Result,
  Space,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  DiffOutlined,
  EditOutlined,
  FileWordOutlined,
  GlobalOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  agreementsApi,
  type AgreementSignature as Signature,
  type AgreementView as Agreement,
} from '@pairing/shared';
import { call, hrefOf, ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import {
  ContentForm,
  fromValues,
  termYears,
  toValues,
  type ContentValues,
} from './ContentForm.tsx';
import { applyAgreementError, issueText } from './issues.ts';
import { StatusTag, TurnTag } from './tags.tsx';
import { VersionsDrawer } from './VersionsDrawer.tsx';

/**
 * 协议: both sides edit in turn (the side holding the pen saves versions and hands over), each
 * side signs the version it read, and a signed agreement changes only by amendment.
 */
export default function AgreementPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ContentValues>();
  const [agreement, setAgreement] = useState<Agreement | null>(null);
  const [loadError, setLoadError] = useState<ApiError | Error | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [showVersions, setShowVersions] = useState(false);

  const show = (a: Agreement) => {
    setAgreement(a);
    setDirty(false);
  };

  useEffect(() => {
    setAgreement(null);
    setLoadError(null);
    call(agreementsApi.get, { params: { id: Number(id) } }).then(show, (e: Error) =>
      setLoadError(e),
    );
  }, [id]);

  // After the editor has mounted with this agreement; reset first so removed rows do not linger.
  useEffect(() => {
    if (!agreement) return;
    form.resetFields();
    form.setFieldsValue(toValues(agreement.content));
  }, [agreement, form]);

  if (loadError instanceof ApiError && loadError.status === 404)
    return <Result status="404" title={t('agreements.notFound')} />;
  if (loadError) return <Alert type="error" showIcon title={loadError.message} />;
  if (!agreement) return <Spin size="large" className="app-page-spin" />;
  const a = agreement;

  // What the caller may do comes from the server (the agreements policy), per agreement.
  const may = a.abilities;
  const mine = a.mySide !== null;
  const draft = a.status === 'draft';
  const myTurn = may.edit;
  // A side of a draft always sees 签署; outside the signing stage (or once it has signed) the
  // button is disabled and says why, from the agreement's abilities.
  const showSign = draft && mine;
  const mySignature = a.mySide === 'urban' ? a.urbanSignature : a.ruralSignature;
  const signBlocked = may.sign
    ? null
    : t(mySignature ? 'agreements.signWaiting' : 'agreements.signNotNow');

  const run = async (name: string, action: () => Promise<void>) => {
    setBusy(name);
    setProblems([]);
    try {
      await action();
    } catch (e) {
      const messages = applyAgreementError(form, e);
      setProblems(messages);
      message.error(e instanceof Error ? e.message : t('agreements.fixFields'));
      if (e instanceof ApiError && e.code === 'stale_version') reload();
    } finally {
      setBusy(null);
    }
  };

  const params = { id: a.id };
  const reload = () => call(agreementsApi.get, { params }).then(show);

  const saveNow = async () => {
    await form.validateFields();
    // All stored values: the fixed years and an unchecked indicator's fields have no input.
    const saved = await call(agreementsApi.save, {
      params,
      body: {
        version: a.version,
        content: fromValues(form.getFieldsValue(true) as ContentValues),
      },
    });
    show(saved);
    return saved;
  };

  const save = () =>
    run('save', async () => {
      await saveNow();
      message.success(t('agreements.saved'));
    });

  const handOver = () =>
    run('handOver', async () => {
      if (dirty) await saveNow();
      show(await call(agreementsApi.handOver, { params }));
      message.success(t('agreements.handedOver'));
    });

  const sign = () =>
    run('sign', async () => {
      const current = dirty ? await saveNow() : a;
      const signed = await call(agreementsApi.sign, {
        params,
        body: { version: current.version },
      });
      show(signed);
      message.success(
        t(signed.status === 'signed' ? 'agreements.signedDone' : 'agreements.signedMine'),
      );
    });

  const amend = () =>
    run('amend', async () => {
      const amendment = await call(agreementsApi.amend, { params });
      message.success(t('agreements.amendmentCreated'));
      navigate(`/agreements/${amendment.id}`);
    });

  const signatureText = (s: Signature) =>
    s
      ? t('agreements.signedBy', { name: s.name, at: new Date(s.at).toLocaleString('zh-CN') })
      : t('agreements.notSigned');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span data-testid="agreement-title">
              {a.amendsId ? t('agreements.amendmentTitle') : t('agreements.title')}
            </span>
            <StatusTag agreement={a} />
            {draft && <TurnTag agreement={a} />}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<DiffOutlined />} onClick={() => setShowVersions(true)}>
              {t('agreements.versions')}
            </Button>
            <Button
              icon={<FileWordOutlined />}
              href={hrefOf(agreementsApi.document, { params })}
              download
              data-testid="download-docx"
            >
              {t('agreements.download')}
            </Button>
            {a.status === 'signed' && (
              <Link to={`/commitments/${a.id}`} target="_blank">
                <Button icon={<GlobalOutlined />}>{t('agreements.publicPage')}</Button>
              </Link>
            )}
            {may.amend && (
              <Popconfirm title={t('agreements.amendQuestion')} onConfirm={amend}>
                <Button icon={<EditOutlined />} loading={busy === 'amend'}>
                  {t('agreements.amend')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('agreements.partyA')}>
            <span data-testid="party-urban">{a.urbanOrg.name}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('agreements.partyB')}>
            <Space size={4}>
              <span data-testid="party-rural">{a.ruralOrg.name}</span>
              {a.ruralOrg.weakVillage && <Tag color="red">{t('org.weakVillage')}</Tag>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('agreements.term')}>
            {a.termStart} — {a.termEnd}
          </Descriptions.Item>
          <Descriptions.Item label={t('agreements.version')}>
            <span data-testid="agreement-version">{a.version}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('agreements.urbanSignature')}>
            <span data-testid="signature-urban">{signatureText(a.urbanSignature)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('agreements.ruralSignature')}>
            <span data-testid="signature-rural">{signatureText(a.ruralSignature)}</span>
          </Descriptions.Item>
          {a.amendsId && (
            <Descriptions.Item label={t('agreements.amends')}>
              <Link to={`/agreements/${a.amendsId}`}>#{a.amendsId}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      {draft && mine && (
        <Alert
          type={myTurn ? 'info' : 'warning'}
          showIcon
          data-testid="turn-alert"
          title={myTurn ? t('agreements.myTurnHint') : t('agreements.theirTurnHint')}
        />
      )}
      {a.status === 'signed' && (
        <Alert
          type="success"
          showIcon
          title={t('agreements.signedHint')}
          data-testid="signed-alert"
        />
      )}
      {draft && a.signingIssues.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('agreements.issuesTitle')}
          data-testid="signing-issues"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {a.signingIssues.map((issue) => (
                <li key={issue.path}>{issueText(t, issue)}</li>
              ))}
            </ul>
          }
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblems([])}
          title={t('agreements.refused')}
          data-testid="agreement-errors"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}

      <ContentForm
        form={form}
        years={termYears(a.termStart, a.termEnd)}
        editable={myTurn}
        weakVillage={a.ruralOrg.weakVillage}
        onChange={() => setDirty(true)}
      />

      {(may.edit || may.handOver || showSign) && (
        <Card size="small">
          <Space wrap>
            {may.edit && (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={busy === 'save'}
                onClick={save}
                data-testid="agreement-save"
              >
                {t('agreements.save')}
              </Button>
            )}
            {may.handOver && (
              <Popconfirm title={t('agreements.handOverQuestion')} onConfirm={handOver}>
                <Button
                  icon={<SendOutlined />}
                  loading={busy === 'handOver'}
                  data-testid="agreement-hand-over"
                >
                  {t('agreements.handOver')}
                </Button>
              </Popconfirm>
            )}
            {showSign && signBlocked && (
              <Tooltip title={signBlocked}>
                <Button type="primary" ghost disabled data-testid="agreement-sign">
                  {t('agreements.sign')}
                </Button>
              </Tooltip>
            )}
            {showSign && signBlocked && (
              // A phone has no hover: the reason is written out beside the button too.
              <Typography.Text type="secondary" data-testid="sign-blocked">
                {signBlocked}
              </Typography.Text>
            )}
            {showSign && !signBlocked && (
              <Popconfirm
                title={t('agreements.signQuestion', { version: a.version })}
                description={t('agreements.signHint')}
                okText={t('agreements.sign')}
                onConfirm={sign}
              >
                <Button type="primary" ghost loading={busy === 'sign'} data-testid="agreement-sign">
                  {t('agreements.sign')}
                </Button>
              </Popconfirm>
            )}
            {dirty && <Tag color="orange">{t('agreements.unsaved')}</Tag>}
          </Space>
        </Card>
      )}

      <VersionsDrawer
        agreementId={a.id}
        current={a.version}
        open={showVersions}
        onClose={() => setShowVersions(false)}
      />
    </Space>
  );
}
