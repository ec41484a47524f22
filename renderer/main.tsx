import { createRoot } from 'react-dom/client';
import './styles/app.css';
import { App } from './app/App';
import { DataProvider } from './data/provider';
import { initI18n } from './i18n/i18n';
import { initialLanguage } from './i18n/pick-language';
import { getPlatform } from './platform';
import { readDeviceLanguage } from './state/device-language';

initI18n(initialLanguage(readDeviceLanguage(), navigator.language));

// Created once: the provider reopens the database whenever this identity changes.
const dataPlatform = getPlatform();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <DataProvider platform={dataPlatform}>
    <App />
  </DataProvider>,
);
