/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The console is built into dist/web, which the api serves at / (apps/api/src/web/web-console.ts).
// Build with NODE_ENV=production (`npm run build:web` sets it): under Jest's NODE_ENV=test Vite
// would give React and antd their development builds.
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    // antd and echarts are large; the login route only loads what it needs (pages are lazy).
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '^/(?!src|@|node_modules|assets).*': { target: 'http://localhost:3000', bypass: spaBypass } } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});

/** In development, browser navigations to console routes get index.html; API calls go to the api. */
function spaBypass(req: { headers: { accept?: string } }): string | undefined {
  return req.headers.accept?.includes('text/html') ? '/index.html' : undefined;
}
