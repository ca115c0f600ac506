// Entry point: start i18n in the browser's language (the saved choice replaces it once the core
// answers, before anything but a loading line is shown), then render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { initI18n, initialLanguage } from './i18n';
import './styles.css';

const i18n = initI18n(initialLanguage(null, navigator.language));
const root = document.getElementById('root');
if (!root) throw new Error('no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
