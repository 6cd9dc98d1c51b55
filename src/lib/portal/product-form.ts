/**
 * The portal's product pages' form posts, apart from their templates: a new product, and every
 * action of the edit page (save, publish, unpublish, archive, restore, duplicate, photos: order,
 * cover, remove, upload). Each answers where to go, or what to show again — as keys and errors the
 * page turns into Indonesian (`productFieldErrors`, `photoErrorMessage` in i18n/portal-products.ts).
 */
import { AppError } from '../errors.ts';
import type { Database } from '../db/database.ts';
import { MAX_PRODUCT_FORM_BYTES, readForm } from '../http.ts';
import { MAX_PHOTOS, MAX_PHOTO_BYTES, addOwnPhoto, moveOwnPhoto, removeOwnPhoto, setOwnCover } from './photos.ts';
import {
  archiveOwnProduct,
  createOwnProduct,
  duplicateOwnProduct,
  formValuesFromForm,
  ownProductInputSchema,
  productInputFromValues,
  setOwnProductStatus,
  updateOwnProduct,
  type OwnProduct,
  type ProductFormValues,
  type Vocabulary,
} from './products.ts';

export interface ProductFormDeps {
  db: Database;
  mediaDir: string;
  vocabulary: Vocabulary;
  /** Brings the search index up to date for these products (never fails the request). */
  reindex: (slugs: readonly string[]) => Promise<boolean>;
}

/** A sentence of the page's strings (`t.fix`, `t.formTooLarge` …). */
export type ProductProblem = 'fix' | 'formTooLarge' | 'formUnreadable' | 'problem';

/** What a product form post leads to: another address, or this page again with what went wrong. */
export type ProductFormOutcome =
  | { redirect: string }
  | {
      status: number;
      problem?: ProductProblem;
      /** zod's issues for the fields (the page says them with `productFieldErrors`). */
      issues?: readonly { path: readonly PropertyKey[]; message: string }[];
      values?: ProductFormValues;
      /** Photo problems: a page-level one (`tooLarge`, `formUnreadable`, `none`), or an error for a file. */
      photoProblems?: ({ key: 'tooLarge' | 'formUnreadable' | 'none' } | { file?: string; error: unknown })[];
    };

/** `POST /portal/products/new`: a draft, or published at once (`intent=publish`); then on to its edit page. */
export async function createProductPost(deps: ProductFormDeps, artisanId: string, request: Request): Promise<ProductFormOutcome> {
  const read = await readForm(request, MAX_PRODUCT_FORM_BYTES);
  if (!read.ok) return { status: read.status, problem: read.status === 413 ? 'formTooLarge' : 'formUnreadable' };
  const publish = read.form.get('intent') === 'publish';
  const values = formValuesFromForm(read.form);
  const parsed = ownProductInputSchema(deps.vocabulary).safeParse({ ...productInputFromValues(values), status: publish ? 'active' : 'draft' });
  if (!parsed.success) return { status: 400, problem: 'fix', issues: parsed.error.issues, values };
  try {
    const product = await createOwnProduct(deps.db, artisanId, parsed.data, deps.vocabulary);
    if (product.status === 'active') await deps.reindex([product.slug]);
    return { redirect: `/portal/products/${product.id}?ok=${publish ? 'published' : 'created'}` };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
    return { status: 400, problem: 'fix', values };
  }
}

/**
 * A post to a product's edit page. Uploads come as multipart (up to every photo at its largest); the
 * other forms are text. `back=list` sends the artisan back to the list instead of this page.
 */
export async function editProductPost(deps: ProductFormDeps, artisanId: string, current: OwnProduct, request: Request): Promise<ProductFormOutcome> {
  const { db } = deps;
  const id = current.id;
  const self = `/portal/products/${encodeURIComponent(id)}`;
  const multipart = (request.headers.get('content-type') ?? '').trim().toLowerCase().startsWith('multipart/form-data');
  const read = multipart
    ? await readForm(request, MAX_PHOTOS * MAX_PHOTO_BYTES + 1024 * 1024, { maxFileBytes: MAX_PHOTO_BYTES, maxFiles: MAX_PHOTOS })
    : await readForm(request, MAX_PRODUCT_FORM_BYTES);
  if (!read.ok) {
    return multipart
      ? { status: read.status, photoProblems: [{ key: read.status === 413 ? 'tooLarge' : 'formUnreadable' }] }
      : { status: read.status, problem: read.status === 413 ? 'formTooLarge' : 'formUnreadable' };
  }
  const form = read.form;
  const intent = String(form.get('intent') ?? '');
  const photoId = String(form.get('photoId') ?? '');
  const done = (ok: string, to = self, hash = '') => ({ redirect: `${form.get('back') === 'list' ? '/portal/products' : to}?ok=${ok}${hash}` });

  if (intent === 'save' || intent === 'publish' || intent === 'unpublish') {
    const values = formValuesFromForm(form);
    const input = productInputFromValues(values);
    const parsed = ownProductInputSchema(deps.vocabulary).safeParse(input);
    if (!parsed.success) return { status: 400, problem: 'fix', issues: parsed.error.issues, values };
    try {
      const saved = await db.transaction(async (tx) => {
        const updated = await updateOwnProduct(tx, artisanId, id, input, deps.vocabulary);
        if (intent === 'publish') return setOwnProductStatus(tx, artisanId, id, 'active');
        if (intent === 'unpublish') return setOwnProductStatus(tx, artisanId, id, 'draft');
        return updated;
      });
      if (saved.status === 'active' || current.status === 'active') await deps.reindex([saved.slug]);
      return done(intent === 'save' ? 'saved' : intent === 'publish' ? 'published' : 'unpublished');
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
      return { status: 400, problem: 'fix', values };
    }
  }
  if (intent === 'archive' || intent === 'restore') {
    const changed = intent === 'archive' ? await archiveOwnProduct(db, artisanId, id) : await setOwnProductStatus(db, artisanId, id, 'draft');
    await deps.reindex([changed.slug]);
    return done(intent === 'archive' ? 'archived' : 'saved');
  }
  if (intent === 'duplicate') {
    const copy = await duplicateOwnProduct(db, artisanId, id);
    return done('duplicated', `/portal/products/${copy.id}`);
  }
  if (intent === 'photo-up' || intent === 'photo-down' || intent === 'photo-cover' || intent === 'photo-delete') {
    try {
      if (intent === 'photo-delete') await removeOwnPhoto(db, artisanId, id, photoId);
      else if (intent === 'photo-cover') await setOwnCover(db, artisanId, id, photoId);
      else await moveOwnPhoto(db, artisanId, id, photoId, intent === 'photo-up' ? -1 : 1);
      await deps.reindex([current.slug]);
      return done(intent === 'photo-delete' ? 'photoRemoved' : intent === 'photo-cover' ? 'coverSet' : 'photoMoved', self, '#photos');
    } catch (error) {
      return { status: 400, photoProblems: [{ error }] };
    }
  }
  if (intent === 'upload') {
    const files = form.getAll('photos').filter((f): f is File => typeof f !== 'string' && f.size > 0);
    const photoProblems: NonNullable<Extract<ProductFormOutcome, { status: number }>['photoProblems']> = files.length ? [] : [{ key: 'none' }];
    let added = 0;
    for (const file of files) {
      try {
        if (file.size > MAX_PHOTO_BYTES) throw new AppError('too_large', 'too large');
        await addOwnPhoto(db, deps.mediaDir, artisanId, id, new Uint8Array(await file.arrayBuffer()));
        added++;
      } catch (error) {
        if (error instanceof AppError && error.code === 'internal') console.error('portal: a photo could not be processed:', error);
        photoProblems.push({ file: file.name, error });
      }
    }
    if (added) await deps.reindex([current.slug]);
    if (!photoProblems.length) return done('uploaded', self, '#photos');
    return { status: added ? 200 : 400, photoProblems };
  }
  return { status: 400, problem: 'problem' };
}
