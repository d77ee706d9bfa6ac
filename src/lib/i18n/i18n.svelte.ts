import { en, type MessageKey, type Messages } from './en';
import { zh } from './zh';

/** The locales Vigil ships. */
export const locales = ['en', 'zh'] as const;

/** A locale Vigil ships. */
export type Locale = (typeof locales)[number];

/** Each locale's name in its own language (endonyms are the same in every catalogue). */
export const localeNames: Readonly<Record<Locale, string>> = { en: 'English', zh: '中文' };

/** The BCP 47 tag written to `<html lang>` for each locale. */
const htmlLang: Readonly<Record<Locale, string>> = { en: 'en', zh: 'zh-CN' };

const catalogues: Readonly<Record<Locale, Messages>> = { en, zh };

/** The localStorage key under which the chosen locale is kept. */
export const localeStorageKey = 'vigil.locale';

/** Values for `{placeholders}`. */
export type MessageParams = Readonly<Record<string, string | number | bigint>>;

/** Whether a string names a shipped locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Picks the locale for a list of browser language tags: any `zh*` tag gives `zh`, else `en`. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** Fills `{name}` placeholders; an unknown placeholder stays as written. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The current locale as reactive state, with `t` to translate. */
export class I18n {
  locale = $state<Locale>('en');

  /** Translates `key` in the current locale, filling `{placeholders}` from `params`. */
  t = (key: MessageKey, params?: MessageParams): string => interpolate(catalogues[this.locale][key], params);

  /** Reads the saved locale, else the browser's; call once in the browser, after hydration. */
  init(): void {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(localeStorageKey);
    } catch (error) {
      // Storage can be disabled (private mode, policy): fall back to the browser language.
      console.warn('Vigil: cannot read the saved language', error);
    }
    this.locale = isLocale(saved) ? saved : localeFromLanguages(navigator.languages ?? [navigator.language]);
    this.#applyToDocument();
  }

  /** Switches to `locale` and remembers the choice. */
  set(locale: Locale): void {
    this.locale = locale;
    try {
      localStorage.setItem(localeStorageKey, locale);
    } catch (error) {
      console.warn('Vigil: cannot save the language choice', error);
    }
    this.#applyToDocument();
  }

  #applyToDocument(): void {
    document.documentElement.lang = htmlLang[this.locale];
  }
}

/** The app's one locale state. */
export const i18n = new I18n();

/** Shorthand for `i18n.t`. */
export const t = i18n.t;
