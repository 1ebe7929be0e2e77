import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { MessageKey } from './zh-CN.ts';

export type { MessageKey };
export type Lang = 'zh-CN' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
type Dictionary = Record<MessageKey, string>;

// Each language is its own chunk, fetched only when it is the one shown (issue 15): a phone on a
// weak network does not download the other language's strings. A new strings file is added to
// zh-CN.ts and en.ts as before; nothing here changes.
const loaders: Record<Lang, () => Promise<Dictionary>> = {
  'zh-CN': () => import('./zh-CN.ts').then((m) => m.zhCN),
  en: () => import('./en.ts').then((m) => m.en),
};
const loaded = new Map<Lang, Dictionary>();
const loading = new Map<Lang, Promise<Dictionary>>();

/** The dictionary of `lang`, fetched once; tests await it so their renders stay synchronous. */
export function loadDictionary(lang: Lang): Promise<Dictionary> {
  let pending = loading.get(lang);
  if (!pending) {
    pending = loaders[lang]().then((dictionary) => {
      loaded.set(lang, dictionary);
      return dictionary;
    });
    // A failed download (a dropped connection) is tried again on the next call.
    pending.catch(() => loading.delete(lang));
    loading.set(lang, pending);
  }
  return pending;
}

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
  const [shown, setShown] = useState(() => {
    const lang = initialLang();
    applyDayjsLocale(lang);
    return { lang, dictionary: loaded.get(lang) };
  });
  const show = useCallback((lang: Lang, dictionary: Dictionary) => {
    applyDayjsLocale(lang);
    setShown({ lang, dictionary });
  }, []);
  // A download lost to a weak signal is tried again a few seconds later.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (shown.dictionary) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    loadDictionary(shown.lang).then(
      (d) => show(shown.lang, d),
      () => (timer = setTimeout(() => setAttempt((n) => n + 1), 3000)),
    );
    return () => clearTimeout(timer);
  }, [shown, show, attempt]);
  // The page stays in the old language until the new one's words have arrived.
  const setLang = useCallback(
    (next: Lang) => {
      localStorage.setItem(storageKey, next);
      const ready = loaded.get(next);
      if (ready) show(next, ready);
      else void loadDictionary(next).then((d) => show(next, d));
    },
    [show],
  );
  const { lang, dictionary } = shown;
  const t = useCallback<Translate>(
    (key, vars) => {
      const text = dictionary?.[key] ?? key;
      return vars
        ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''))
        : text;
    },
    [dictionary],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  // Nothing is shown before its words have arrived, so no page flashes its message keys.
  if (!dictionary) return null;
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
