import { useEffect, useMemo, useRef } from 'react';
import { Button, Space, Typography } from 'antd';
import { CameraOutlined, CloseOutlined, FilePdfOutlined, PictureOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n/index.tsx';
import { useIsPhone } from '../../../lib/useIsPhone.ts';
import '../ledger.css';

const accept = 'image/*,application/pdf';

/**
 * Photos, scans and PDFs chosen for a record, kept in the form's state until it is submitted with
 * them. On a phone 拍照 opens the camera and 选择文件 the album or files; the server checks each
 * file's type and size when it arrives.
 */
export function PhotoPicker({
  files,
  onChange,
}: {
  files: File[];
  onChange: (files: File[]) => void;
}) {
  const { t } = useI18n();
  const phone = useIsPhone();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const previews = useMemo(
    () => files.map((file) => (file.type.startsWith('image/') ? URL.createObjectURL(file) : null)),
    [files],
  );
  useEffect(() => () => previews.forEach((url) => url && URL.revokeObjectURL(url)), [previews]);

  const add = (list: FileList | null) => {
    if (list && list.length > 0) onChange([...files, ...Array.from(list)]);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {phone && (
          <Button icon={<CameraOutlined />} onClick={() => camera.current?.click()}>
            {t('record.takePhoto')}
          </Button>
        )}
        <Button icon={<PictureOutlined />} onClick={() => picker.current?.click()}>
          {t('record.chooseFiles')}
        </Button>
      </Space>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
      <input
        ref={picker}
        type="file"
        accept={accept}
        multiple
        style={{ display: 'none' }}
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
        data-testid="file-input"
      />
      {files.length > 0 && (
        <div className="ledger-thumbs" data-testid="chosen-files">
          {files.map((file, index) => (
            <div key={index} className="ledger-thumb" title={file.name}>
              {previews[index] ? (
                <img src={previews[index]} alt={file.name} />
              ) : (
                <Space orientation="vertical" size={0} style={{ textAlign: 'center', padding: 4 }}>
                  <FilePdfOutlined style={{ fontSize: 28, color: '#cf1322' }} />
                  <Typography.Text ellipsis style={{ fontSize: 11, maxWidth: 88 }}>
                    {file.name}
                  </Typography.Text>
                </Space>
              )}
              <Button
                className="ledger-thumb-remove"
                size="small"
                shape="circle"
                icon={<CloseOutlined />}
                aria-label={t('record.removeFile', { name: file.name })}
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              />
            </div>
          ))}
        </div>
      )}
      <Typography.Text type="secondary">{t('record.filesHelp')}</Typography.Text>
    </Space>
  );
}
