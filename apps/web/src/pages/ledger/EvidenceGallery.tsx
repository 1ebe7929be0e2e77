import { Alert, Image, Tooltip, Typography } from 'antd';
import { FilePdfOutlined, WarningOutlined } from '@ant-design/icons';
import type { EvidenceItem } from '@pairing/shared';
import { useI18n } from '../../i18n/index.tsx';
import { dateTime } from './dates.ts';
import './ledger.css';

/**
 * The record's photos as thumbnails (the full image on tap) and its PDFs as links; a photo whose
 * capture date is more than a day from the record's is marked for reviewers.
 */
export function EvidenceGallery({
  evidence,
  mismatch,
}: {
  evidence: EvidenceItem[];
  mismatch: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {mismatch && (
        <Alert
          type="warning"
          showIcon
          title={t('record.dateMismatch')}
          description={t('record.dateMismatchHint')}
          style={{ marginBottom: 12 }}
          data-testid="date-mismatch"
        />
      )}
      {evidence.length === 0 ? (
        <Typography.Text type="secondary">{t('record.noEvidence')}</Typography.Text>
      ) : (
        <Image.PreviewGroup>
          <div className="ledger-thumbs" data-testid="evidence">
            {evidence.map((item) => (
              <div key={item.id} className="ledger-thumb">
                {item.mime.startsWith('image/') ? (
                  <Image
                    src={`/api/evidence/${item.id}/thumb`}
                    preview={{ src: `/api/evidence/${item.id}` }}
                    width={96}
                    height={96}
                    alt={
                      item.takenAt
                        ? t('record.takenAt', { at: dateTime(item.takenAt) })
                        : t('record.photo')
                    }
                  />
                ) : (
                  <a href={`/api/evidence/${item.id}`} target="_blank" rel="noreferrer">
                    <FilePdfOutlined style={{ fontSize: 36, color: '#cf1322' }} />
                  </a>
                )}
                {item.dateMismatch && (
                  <Tooltip
                    title={
                      item.takenAt
                        ? t('record.takenAt', { at: dateTime(item.takenAt) })
                        : t('record.dateMismatch')
                    }
                  >
                    <Typography.Text
                      type="warning"
                      className="ledger-thumb-flag"
                      data-testid={`evidence-mismatch-${item.id}`}
                    >
                      <WarningOutlined />
                    </Typography.Text>
                  </Tooltip>
                )}
              </div>
            ))}
          </div>
        </Image.PreviewGroup>
      )}
    </>
  );
}
