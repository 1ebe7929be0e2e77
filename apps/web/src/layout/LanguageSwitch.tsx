import { Segmented } from 'antd';
import { useI18n, type Lang } from '../i18n/index.tsx';

/** 中文 / English; the choice is kept in localStorage. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      className={dark ? 'lang-switch-dark' : undefined}
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      data-testid="lang-switch"
    />
  );
}
