import { createContext, useContext } from 'react';
import type { ConsoleConfig } from '../config';

/** The `config.json` the console started with. */
export const ConsoleConfigContext = createContext<ConsoleConfig | undefined>(undefined);

export function useConsoleConfig(): ConsoleConfig {
  const config = useContext(ConsoleConfigContext);
  if (!config) throw new Error('useConsoleConfig outside ConsoleConfigContext');
  return config;
}
