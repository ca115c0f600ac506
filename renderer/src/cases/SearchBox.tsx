import { useTranslation } from 'react-i18next';
import { SearchIcon } from '../app/icons';

export function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="search">
      <label htmlFor="case-search">{t('cases.search')}</label>
      <div className="search__box">
        <SearchIcon />
        <input
          id="case-search"
          className="input search__input"
          type="search"
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          placeholder={t('cases.searchHint')}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    </div>
  );
}
