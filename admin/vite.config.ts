import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The console is one static bundle for every stage: settings come from `config.json`, fetched at
 * start. The manifest lets the bench follow what the sign-in page loads.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: true },
});
