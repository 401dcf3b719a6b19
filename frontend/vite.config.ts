import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The API lives on the same origin in production (the front door routes /api/v1); in development
// Vite's server stands in for the front door and forwards /api to the local platform.
const apiTarget = 'http://127.0.0.1:18080';
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  // `npm run preview` serves the built dist/ the same way, to try a production build against the platform.
  preview: { proxy },
  build: {
    outDir: 'dist',
    sourcemap: true,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
