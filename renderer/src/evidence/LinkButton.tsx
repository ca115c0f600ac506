// "Link" / "Unlink" beside an excerpt: short on screen, and named with the excerpt's source and
// pinpoint for screen readers, so a list of them can be told apart.
import { useTranslation } from 'react-i18next';
import type { Pinpoint } from '../../../preload/contract';
import { formatPinpoint } from './format';

interface Props {
  action: 'link' | 'unlink';
  excerpt: { pinpoint: Pinpoint };
  source: { title: string };
  onClick: () => void;
}

export function LinkButton({ action, excerpt, source, onClick }: Props) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={action === 'link' ? 'button' : 'button button--quiet'}
      aria-label={t(`evidence.links.${action}One`, { source: source.title, pinpoint: formatPinpoint(excerpt.pinpoint, t) })}
      onClick={onClick}
    >
      {t(`evidence.links.${action}`)}
    </button>
  );
}
