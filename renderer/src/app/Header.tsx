import { useTranslation } from 'react-i18next';
import type { Language } from '../../../preload/contract';
import { BriefcaseMark, LockIcon } from './icons';
import { LanguageSwitch } from './LanguageSwitch';

export function Header({ onLanguage, onLock }: { onLanguage: (language: Language) => void; onLock?: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="app-header__brand">
        <BriefcaseMark />
        <span className="app-header__name">{t('app.name')}</span>
      </div>
      <div className="app-header__tools">
        <LanguageSwitch onChange={onLanguage} />
        {onLock && (
          <button type="button" className="button button--quiet" onClick={onLock} title={t('header.lockHint')}>
            <LockIcon />
            {t('header.lock')}
          </button>
        )}
      </div>
    </header>
  );
}
