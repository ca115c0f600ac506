// The demo's mark on every screen: while the demo vault is unlocked this banner sits above the
// header, whatever the view. It asks the core (vault.status reads the marker inside the vault) and
// never trusts a flag the renderer could lose between views. "Leave the demo" locks it; the app
// then starts afresh at the real vault, which the demo never replaced.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import './demo.css';

export function DemoBanner({ onLeave }: { onLeave: () => void }) {
  const { t } = useTranslation();
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let current = true;
    api.vault.status().then(
      (status) => current && setDemo(status.demo),
      // Unknown is shown as not-demo: a failed poll is the app's ordinary error path, not this one's.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  if (!demo) return null;
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      <span>{t('demo.banner.text')}</span>
      <button type="button" className="demo-banner__leave" onClick={onLeave}>
        {t('demo.banner.leave')}
      </button>
    </div>
  );
}
