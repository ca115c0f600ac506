import { useTranslation } from 'react-i18next';
import type { Language } from '../../../preload/contract';
import type { View } from './App';
import { BriefcaseMark, LockIcon } from './icons';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  onLanguage: (language: Language) => void;
  onLock?: (() => void) | undefined;
  /** The screen shown while the vault is open (the navigation appears only then). */
  view?: View | undefined;
  onNavigate: (view: View) => void;
}

export function Header({ onLanguage, onLock, view, onNavigate }: Props) {
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
      {view && (
        <nav className="app-nav" aria-label={t('header.navigation')}>
          <button
            type="button"
            className="app-nav__item"
            aria-current={view.name === 'list' ? 'page' : undefined}
            onClick={() => onNavigate({ name: 'list' })}
          >
            {t('header.cases')}
          </button>
          <button
            type="button"
            className="app-nav__item"
            aria-current={view.name === 'deadlines' ? 'page' : undefined}
            onClick={() => onNavigate({ name: 'deadlines' })}
          >
            {t('header.deadlines')}
          </button>
          <button
            type="button"
            className="app-nav__item"
            aria-current={view.name === 'evidence' ? 'page' : undefined}
            onClick={() => onNavigate({ name: 'evidence' })}
          >
            {t('header.evidence')}
          </button>
          <button
            type="button"
            className="app-nav__item"
            aria-current={view.name === 'clinic' ? 'page' : undefined}
            onClick={() => onNavigate({ name: 'clinic' })}
          >
            {t('exchange.nav')}
          </button>
          <button
            type="button"
            className="app-nav__item"
            aria-current={view.name === 'security' ? 'page' : undefined}
            onClick={() => onNavigate({ name: 'security' })}
          >
            {t('security.nav')}
          </button>
        </nav>
      )}
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
