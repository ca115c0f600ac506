// One side of a conflict: short values in full; long ones cut, with a toggle that shows all of it.
import { useTranslation } from 'react-i18next';
import { SHORT_VALUE, valueText } from './conflictText';

export function ValueText({ value }: { value: unknown }) {
  const { t } = useTranslation();
  const text = valueText(value);
  if (text === null) return <span className="muted">{t('exchange.import.empty')}</span>;
  if (text.length <= SHORT_VALUE && !text.includes('\n')) {
    return (
      <span dir="auto" className="conflict__value">
        {text}
      </span>
    );
  }
  return (
    <details className="conflict__long">
      <summary dir="auto">{`${text.slice(0, SHORT_VALUE).replace(/\s+/g, ' ')}…`}</summary>
      <pre dir="auto" className="conflict__full">
        {text}
      </pre>
    </details>
  );
}
