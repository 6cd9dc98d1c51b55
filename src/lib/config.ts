/**
 * Server configuration from the environment, validated once. A bad value stops start-up with a
 * message that names the variable and the fix.
 */
import { z } from 'astro/zod';

const configSchema = z.object({
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL, e.g. postgres://canting:secret@localhost:5432/canting')
    .optional(),
  NODE_ENV: z.string().default('development'),
  MEILISEARCH_HOST: z.url('must be a URL such as http://127.0.0.1:7700').optional(),
  /** Admin key: stays on the server, never sent to a browser. */
  MEILISEARCH_API_KEY: z.string().min(1).optional(),
  MEILISEARCH_INDEX: z.string().regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, - and _ only').default('products'),
  PUBLIC_SITE_URL: z.url().default('http://localhost:4321'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const blank = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = configSchema.safeParse(blank);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  return parsed.data;
}
