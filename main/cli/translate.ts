// The command line speaks the same two languages as the app, from the same catalogues. The
// language is the one chosen in the app (preferences), else BRIEFCASE_LANG / LC_ALL / LANG.
import i18next, { type TFunction } from 'i18next';
import da from '../../renderer/src/i18n/da.json' with { type: 'json' };
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import type { Language } from '../../preload/contract';

export function languageFromEnv(env: NodeJS.ProcessEnv): Language | null {
  const value = env.BRIEFCASE_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  if (/^da/i.test(value)) return 'da';
  if (/^en/i.test(value)) return 'en';
  return null;
}

export async function createTranslator(language: Language): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: { da: { translation: da }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}
