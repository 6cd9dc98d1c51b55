import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secureCookies, siteMode } from '../../src/lib/config.ts';

describe('configuration', () => {
  it('needs nothing for the embedded defaults', () => {
    const config = loadConfig({});
    expect(config.DATA_DIR).toBe('./.data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.MEILISEARCH_HOST).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', MEILISEARCH_HOST: '' }).DATABASE_URL).toBeUndefined();
  });

  it('stops with a message that names the variable and the fix', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(() => loadConfig({ MEILISEARCH_HOST: 'localhost' })).toThrow(/MEILISEARCH_HOST/);
  });

  it('keeps the site mode apart from NODE_ENV (npm start runs React in production mode with the sample catalogue)', () => {
    expect(siteMode(loadConfig({}))).toBe('sample');
    // Before CANTING_MODE, NODE_ENV=production alone meant a real shop: it still does.
    expect(siteMode(loadConfig({ NODE_ENV: 'production' }))).toBe('production');
    expect(siteMode(loadConfig({ NODE_ENV: 'production', CANTING_MODE: 'sample' }))).toBe('sample');
    expect(siteMode(loadConfig({ NODE_ENV: 'development', CANTING_MODE: 'production' }))).toBe('production');
    expect(() => loadConfig({ CANTING_MODE: 'prod' })).toThrow(/CANTING_MODE: must be production or sample/);
  });

  it('sets Secure cookies in production, and in sample mode only over https', () => {
    const http = new URL('http://localhost:4321/portal/login');
    const https = new URL('https://canting.id/portal/login');
    expect(secureCookies(loadConfig({ CANTING_MODE: 'production' }), http)).toBe(true);
    expect(secureCookies(loadConfig({ NODE_ENV: 'production', CANTING_MODE: 'sample' }), http)).toBe(false);
    expect(secureCookies(loadConfig({ CANTING_MODE: 'sample' }), https)).toBe(true);
  });
});
