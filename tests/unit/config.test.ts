import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/lib/config.ts';

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
});
