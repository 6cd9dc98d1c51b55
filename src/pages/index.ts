import type { APIRoute } from 'astro';
import { DEFAULT_LANG, isLang, localizedPath } from '../lib/i18n/index.ts';

// `/` picks the reader's language from Accept-Language, so it is rendered on demand.
export const prerender = false;

export const GET: APIRoute = ({ preferredLocale, redirect }) => {
  const lang = isLang(preferredLocale) ? preferredLocale : DEFAULT_LANG;
  const response = redirect(localizedPath(lang, '/'), 302);
  response.headers.set('Vary', 'Accept-Language');
  return response;
};
