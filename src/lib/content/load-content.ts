/**
 * Reads and validates `content/` outside Astro (tests, scripts), with the same schemas the
 * content collections use. Astro's own loader remains what the site renders from.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { COLLECTIONS, plainSchemas, type CollectionName } from './schemas.ts';

export interface LoadedEntry<T = unknown> {
  id: string;
  file: string;
  data: T;
}

export type LoadedContent = { [K in CollectionName]: LoadedEntry<import('astro/zod').z.infer<(typeof plainSchemas)[K]>>[] };

export interface ContentProblem {
  file: string;
  message: string;
}

/** Loads every collection; schema failures are returned as problems, not thrown. */
export async function loadContent(contentDir: string): Promise<{ content: LoadedContent; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  const content = {} as Record<CollectionName, LoadedEntry[]>;
  for (const collection of COLLECTIONS) {
    const dir = join(contentDir, collection);
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => /\.ya?ml$/.test(f)).sort();
    content[collection] = [];
    for (const name of files) {
      const file = join(collection, name);
      const raw = yaml.load(await readFile(join(dir, name), 'utf8'));
      const parsed = plainSchemas[collection].safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          problems.push({ file, message: `${issue.path.join('.') || '(entry)'}: ${issue.message}` });
        }
        continue;
      }
      content[collection].push({ id: name.replace(/\.ya?ml$/, ''), file, data: parsed.data });
    }
  }
  return { content: content as LoadedContent, problems };
}

/** The content as the plain `Catalogue` pages use, for scripts; throws on any schema problem. */
export async function catalogueFromContent(contentDir: string): Promise<import('./catalogue.ts').ContentCatalogue> {
  const { content, problems } = await loadContent(contentDir);
  if (problems.length) {
    throw new Error(`content/ has problems:\n${problems.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`);
  }
  return Object.fromEntries(
    Object.entries(content).map(([name, entries]) => [name, entries.map((e) => ({ ...(e.data as object), id: e.id }))]),
  ) as unknown as import('./catalogue.ts').ContentCatalogue;
}
