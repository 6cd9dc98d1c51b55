/**
 * The one way a back-office page handles a form post: read it (with the page's size limit), validate
 * it with zod, act, and either redirect (303, with a flash key in the address) or answer the page
 * again with a status and a message in the reader's language. Faults of ours (`internal`,
 * `unavailable`, anything not an AppError) are rethrown: they are the error page's, not the form's.
 */
import { z } from 'astro/zod';
import { AppError, httpStatus, type ErrorCode } from './errors.ts';
import { MAX_FORM_BYTES, readForm, type FileLimits } from './http.ts';

/** What the page does next: go elsewhere, or render again with `status` and `error`. */
export type FormOutcome = { redirect: string } | FormRefusal | null;
export type FormRefusal = { status: number; error: string };

/** The texts a form answers with when it cannot be used at all (too large, not a form). */
export interface FormTexts {
  tooLarge: string;
  unreadable: string;
}

export interface FormAction<T> {
  /** The fields (`Object.fromEntries(form)`, files included) are parsed with it; a failure is AppError('invalid'). */
  schema: z.ZodType<T>;
  /**
   * Does the work; answers where to go (usually back with `?done=<flash key>`), or a refusal of its
   * own (a status and a message), or null to render the page again as it is.
   */
  act: (input: T, form: FormData) => Promise<string | FormRefusal | null>;
  /** The sentence for a refusal (an AppError with a 4xx code), in the reader's language. */
  message: (error: AppError, form: FormData) => string;
  /** Codes that are not the form's to answer (besides internal and unavailable), e.g. not_found for a page that then answers 404. */
  rethrow?: readonly ErrorCode[];
  texts: FormTexts;
  limit?: number;
  files?: FileLimits;
}

/**
 * @example
 * const outcome = await runFormAction(Astro.request, { schema, act, message, texts });
 * if ('redirect' in outcome) return Astro.redirect(outcome.redirect, 303);
 */
export async function runFormAction<T>(request: Request, action: FormAction<T>): Promise<FormOutcome> {
  const read = await readForm(request, action.limit ?? MAX_FORM_BYTES, action.files);
  if (!read.ok) return { status: read.status, error: read.status === 413 ? action.texts.tooLarge : action.texts.unreadable };
  try {
    const parsed = action.schema.safeParse(Object.fromEntries(read.form));
    if (!parsed.success) {
      throw new AppError('invalid', parsed.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; '), { cause: parsed.error });
    }
    const done = await action.act(parsed.data, read.form);
    return typeof done === 'string' ? { redirect: done } : done;
  } catch (thrown) {
    if (!(thrown instanceof AppError) || thrown.code === 'internal' || thrown.code === 'unavailable' || action.rethrow?.includes(thrown.code)) throw thrown;
    return { status: httpStatus(thrown), error: action.message(thrown, read.form) };
  }
}

/** The part of a page's `Astro` a form post needs. */
export interface PageContext {
  request: Request;
  response: { status?: number };
  redirect(path: string, status?: 301 | 302 | 303 | 307 | 308): Response;
}

/**
 * A page's form post in one call: null when the page is not posted to, the 303 redirect to return
 * when the action is done, or the message to show (the page's status already set).
 * @example
 * const posted = await handleFormPost(Astro, { schema, act, message, texts });
 * if (posted instanceof Response) return posted;
 */
export async function handleFormPost<T>(page: PageContext, action: FormAction<T>): Promise<Response | string | null> {
  if (page.request.method !== 'POST') return null;
  const outcome = await runFormAction(page.request, action);
  if (!outcome) return null;
  if ('redirect' in outcome) return page.redirect(outcome.redirect, 303);
  page.response.status = outcome.status;
  return outcome.error;
}

/** The flash message a `?done=<key>` address asks for, if the table has that key. */
export function flashFrom(url: URL, table: Readonly<Record<string, unknown>>, param = 'done'): string | null {
  const key = url.searchParams.get(param);
  if (!key || !Object.hasOwn(table, key)) return null;
  const text = table[key];
  return typeof text === 'string' ? text : null;
}

/** A page's `Astro` with the address it answers at (for its `?done=` flash). */
export interface FormPage extends PageContext {
  url: URL;
}

/** What a record's page shows besides the record. */
export interface RecordPageState {
  /** The page's own address, where its forms post. */
  self: string;
  /** The refusal of the form just posted, in the reader's language. */
  error: string | null;
  /** What the last action did (`?done=`), unless a refusal is shown. */
  flash: string | null;
}

/**
 * A page of one record (an order, a checkout) with its forms: the post handled (`rethrow` gains
 * `not_found`), then the record read. A record that is not there, or not the reader's (AppError
 * not_found from the action or the read), answers null: the page's 404. The form is read from a
 * clone, because a 404 is a rewrite, which needs the request's body unread.
 * @example
 * const page = await recordFormPage(Astro, action, () => getOwnOrder(db, artisanId, number));
 * if (page instanceof Response) return page;
 * if (!page) return Astro.rewrite('/404');
 */
export async function recordFormPage<T, V>(page: PageContext, action: FormAction<T>, read: () => Promise<V>): Promise<Response | { record: V; error: string | null } | null> {
  try {
    const clone: PageContext = { request: page.request.clone(), response: page.response, redirect: (to, status) => page.redirect(to, status) };
    const posted = await handleFormPost(clone, { ...action, rethrow: [...(action.rethrow ?? []), 'not_found'] });
    if (posted instanceof Response) return posted;
    return { record: await read(), error: posted };
  } catch (thrown) {
    if (thrown instanceof AppError && thrown.code === 'not_found') return null;
    throw thrown;
  }
}
