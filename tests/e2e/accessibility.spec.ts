import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousViolations } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// One page per template, alternating languages so both sets of strings are checked.
const templates = [
  '/id/',
  '/en/regions/',
  '/id/regions/pekalongan',
  '/en/motifs/',
  '/id/motifs/mega-mendung',
  '/en/motifs/tengkiang',
  '/id/techniques/',
  '/en/techniques/printing',
  '/id/visit/',
  '/en/glossary/',
  '/id/no-such-page',
  // The shop: its listing (the search page without words), filtered, and the visit page in English.
  '/id/search',
  '/en/search?region=pekalongan',
  '/en/visit/',
  '/en/regions/muara-enim',
  // Places and events from the database: an event's page and a place's page.
  '/id/visit/events/hari-batik-nasional',
  '/en/visit/places/museum-batik-pekalongan',
];

describe('axe (WCAG 2 AA): no serious or critical violation', () => {
  for (const path of templates) {
    it(path, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${baseUrl}${path}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
