import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appDatabase } from './db/database';
import { browserPlatform } from './platform/browserPlatform';
import { currentPlatform } from './platform/electronPlatform';
import { App } from './features/app/App';
import { createServices, ServicesProvider } from './features/app/services';
import './styles.css';

const services = createServices(appDatabase(), currentPlatform(browserPlatform));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>
  </StrictMode>,
);
