// @ts-check
import { defineConfig, envField } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';

// The public origin, for canonical URLs, hreflang, sitemap and Open Graph images.
const site = process.env.PUBLIC_SITE_URL || 'http://localhost:4321';

export default defineConfig({
  site,
  output: 'static',
  // No request body may be larger than the largest form: eight photos of 15 MB each, with room for
  // the multipart framing (the routes' own limits are smaller; see src/lib/http.ts). Beyond it the
  // body stream fails, and the routes answer 413. The adapter's default is 1 GB.
  adapter: node({ mode: 'standalone', bodySizeLimit: 128 * 1024 * 1024 }),
  integrations: [react()],
  trailingSlash: 'ignore',
  // The stylesheet (~3.5 KB gzipped) goes inline in every page: no render-blocking request before
  // the first paint, which on a phone's slow link costs more than re-sending it with each page.
  build: { format: 'directory', inlineStylesheets: 'always' },
  i18n: {
    defaultLocale: 'id',
    locales: ['id', 'en'],
    // Manual: every public page lives under /{lang}/ by its own [lang] route, and the portal and admin
    // (Indonesian, unprefixed) would otherwise be refused by Astro's prefix enforcement.
    routing: 'manual',
  },
  env: {
    schema: {
      PUBLIC_SITE_URL: envField.string({
        context: 'client',
        access: 'public',
        optional: true,
        url: true,
        default: 'http://localhost:4321',
      }),
      DATA_DIR: envField.string({ context: 'server', access: 'public', optional: true, default: './.data' }),
    },
  },
  security: { checkOrigin: true },
});
