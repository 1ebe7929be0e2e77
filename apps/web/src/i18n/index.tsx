import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { en } from './en.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type { MessageKey };
export type Lang = 'zh-CN' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const storageKey = 'pairing.lang';

function initialLang(): Lang {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
}

function applyDayjsLocale(lang: Lang) {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
}

type I18n = { lang: Lang; setLang: (lang: Lang) => void; t: Translate };
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const value = initialLang();
    applyDayjsLocale(value);
    return value;
  });
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(storageKey, next);
    applyDayjsLocale(next);
    setLangState(next);
  }, []);
  const t = useCallback<Translate>(
    (key, vars) => {
      const text = dictionaries[lang][key] ?? key;
      return vars
        ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''))
        : text;
    },
    [lang],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Labels for enum values whose keys follow `<prefix>.<value>`; unknown values show as-is. */
export function enumLabel(
  t: Translate,
  prefix: 'role' | 'kind' | 'action' | 'entity',
  value: string,
): string {
  const key = `${prefix}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}
