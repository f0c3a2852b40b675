import { defaultLocale, type Locale } from '@yizhan/shared';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { appMessages } from './app-messages';
import { domainMessages } from './domain';
import { raChinese } from './ra-chinese';

const raMessages: Record<Locale, TranslationMessages> = { 'zh-CN': raChinese, en: englishMessages };

/** All messages of a locale: react-admin's, the domain labels from `shared/`, the console's own. */
export function messagesOf(locale: Locale): TranslationMessages {
  return mergeTranslations(raMessages[locale], domainMessages(locale), appMessages[locale]);
}

/** zh-CN by default; the language menu switches to English (react-admin keeps the choice in its store). */
export const i18nProvider = polyglotI18nProvider((locale) => messagesOf(locale === 'en' ? 'en' : 'zh-CN'), defaultLocale, [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
]);
