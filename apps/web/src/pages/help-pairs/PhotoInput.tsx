import { useEffect, useMemo, useRef } from 'react';
import { Button, Space } from 'antd';
import { CameraOutlined, CloseOutlined, PictureOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';
import '../ledger/ledger.css';

/**
 * Photos chosen for a help record, kept until the record is saved. 拍照 opens the phone's camera
 * (`capture="environment"`), 选择照片 the album; the server checks and re-encodes each one.
 */
export function PhotoInput({
  files,
  onChange,
}: {
  files: File[];
  onChange: (files: File[]) => void;
}) {
  const { t } = useI18n();
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const previews = useMemo(() => files.map((file) => URL.createObjectURL(file)), [files]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  const add = (list: FileList | null) => {
    if (list && list.length > 0) onChange([...files, ...Array.from(list)]);
  };
  const input = (ref: typeof camera, testId: string, capture: boolean) => (
    <input
      ref={ref}
      type="file"
      accept="image/*"
      {...(capture ? { capture: 'environment' } : { multiple: true })}
      style={{ display: 'none' }}
      onChange={(e) => {
        add(e.target.files);
        e.target.value = '';
      }}
      data-testid={testId}
    />
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<CameraOutlined />} onClick={() => camera.current?.click()}>
          {t('helpPairs.takePhoto')}
        </Button>
        <Button icon={<PictureOutlined />} onClick={() => album.current?.click()}>
          {t('helpPairs.choosePhoto')}
        </Button>
      </Space>
      {input(camera, 'help-camera-input', true)}
      {input(album, 'help-album-input', false)}
      {files.length > 0 && (
        <div className="ledger-thumbs" data-testid="help-chosen-photos">
          {files.map((file, index) => (
            <div key={index} className="ledger-thumb" title={file.name}>
              <img src={previews[index]} alt={file.name} />
              <Button
                className="ledger-thumb-remove"
                size="small"
                shape="circle"
                icon={<CloseOutlined />}
                aria-label={`${t('helpPairs.remove')} ${file.name}`}
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              />
            </div>
          ))}
        </div>
      )}
    </Space>
  );
}
