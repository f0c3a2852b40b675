import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { localAuthProvider } from './authProvider/localAuthProvider';
import type { YizhanAuthProvider } from './authProvider/session';
import { type ConsoleConfig, loadConsoleConfig } from './config';
import { createDataProvider } from './dataProvider/dataProvider';
import { createGraphqlClient } from './dataProvider/graphql';
import { ConsoleConfigContext } from './layout/ConsoleConfigContext';

async function authProviderOf(config: ConsoleConfig): Promise<YizhanAuthProvider> {
  if (config.authMode === 'local') return localAuthProvider({ apiUrl: config.apiUrl, storage: window.localStorage });
  // The Cognito SDK is loaded only where it is used.
  const [{ cognitoAuthProvider }, { cognitoPool }] = await Promise.all([import('./authProvider/cognitoAuthProvider'), import('./authProvider/cognitoPool')]);
  return cognitoAuthProvider(cognitoPool(config.userPoolId, config.userPoolClientId));
}

async function start(root: HTMLElement): Promise<void> {
  const config = await loadConsoleConfig();
  const authProvider = await authProviderOf(config);
  const dataProvider = createDataProvider(createGraphqlClient({ url: config.apiUrl, token: () => authProvider.token() }));
  createRoot(root).render(
    <StrictMode>
      <ConsoleConfigContext.Provider value={config}>
        <App dataProvider={dataProvider} authProvider={authProvider} />
      </ConsoleConfigContext.Provider>
    </StrictMode>,
  );
}

const root = document.getElementById('root')!;
start(root).catch((error: unknown) => {
  root.textContent = `无法启动控制台 / The console could not start: ${error instanceof Error ? error.message : String(error)}`;
});
