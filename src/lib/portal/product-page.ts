/**
 * The portal's product pages (`/portal/products/new` and `/portal/products/{id}`), apart from their
 * templates: the form's choices (motifs and techniques by their Indonesian name), the post (through
 * `createProductPost` / `editProductPost`) and what each page shows after it, in Indonesian.
 */
import { photoErrorMessage, productFieldErrors } from '../../i18n/portal-products.ts';
import { useStrings } from '../../i18n/index.ts';
import { requireArtisanId } from '../auth/guard.ts';
import { sortByName } from '../content/catalogue.ts';
import { flashFrom, type FormPage } from '../form-action.ts';
import { MAX_PHOTOS, MAX_PHOTO_BYTES } from './photos.ts';
import { createProductPost, editProductPost, type ProductFormDeps, type ProductFormOutcome } from './product-form.ts';
import { findOwnProduct, formValuesFromProduct, type OwnProduct, type ProductFormValues } from './products.ts';

/** A motif or technique of the content collections, as the form offers it. */
export interface Choice {
  id: string;
  name: { id: string; en: string };
}

export interface ProductPageDeps extends Omit<ProductFormDeps, 'vocabulary'> {
  /** The content collections' motifs and techniques (the form's choices, and what a product may name). */
  catalogue: () => Promise<{ motifs: readonly Choice[]; techniques: readonly Choice[] }>;
}

/** The signed-in artisan, as the guard let them in. */
export interface ProductPageUser {
  role: string;
  artisanId: string | null;
  artisanStatus: string | null;
}

/** What both product pages show around the fields. */
export interface ProductFormView {
  values: ProductFormValues;
  /** One Indonesian message per field name. */
  fieldErrors: Record<string, string>;
  problem: string | null;
  motifs: Choice[];
  techniques: Choice[];
  /** A curator has not approved the workshop yet: its products wait to be shown. */
  notApproved: boolean;
}

export interface ProductEditView extends ProductFormView {
  /** The page's own address, where its forms post. */
  self: string;
  /** Null: not one of this artisan's products (the page answers 404). */
  product: OwnProduct | null;
  photoProblems: string[];
  flash: string | null;
  photos: OwnProduct['images'];
  /** How many more photos the product may have. */
  remaining: number;
  maxPhotoBytes: number;
  /** Shown on the site: published, not hidden by a curator, and the workshop approved. */
  isPublic: boolean;
}

const strings = () => useStrings('id').portalProducts;

async function formParts(deps: ProductPageDeps, user: ProductPageUser) {
  const catalogue = await deps.catalogue();
  return {
    formDeps: { ...deps, vocabulary: { motifs: catalogue.motifs.map((m) => m.id), techniques: catalogue.techniques.map((m) => m.id) } },
    view: { motifs: sortByName(catalogue.motifs, 'id'), techniques: sortByName(catalogue.techniques, 'id'), notApproved: user.artisanStatus !== 'approved' },
  };
}

/** A refused post's answer: its status set on the page, its values kept, its messages in Indonesian. */
function refused(page: FormPage, outcome: Exclude<ProductFormOutcome, { redirect: string }>) {
  const t = strings();
  page.response.status = outcome.status;
  return {
    values: outcome.values ?? null,
    fieldErrors: outcome.issues ? productFieldErrors(outcome.issues, t) : {},
    problem: outcome.problem ? t[outcome.problem] : null,
    photoProblems: (outcome.photoProblems ?? []).map((p) => ('key' in p ? (p.key === 'formUnreadable' ? t.formUnreadable : t.photos.errors[p.key]) : `${p.file ? `${p.file}: ` : ''}${photoErrorMessage(p.error, t)}`)),
  };
}

/** `/portal/products/new`: the empty form, a 303 to the new product's page once saved, or the form again with its messages. */
export async function productNewPage(page: FormPage, deps: ProductPageDeps, user: ProductPageUser): Promise<Response | ProductFormView> {
  const artisanId = requireArtisanId(user);
  const { formDeps, view } = await formParts(deps, user);
  let answer: ReturnType<typeof refused> | null = null;
  if (page.request.method === 'POST') {
    const outcome = await createProductPost(formDeps, artisanId, page.request);
    if ('redirect' in outcome) return page.redirect(outcome.redirect, 303);
    answer = refused(page, outcome);
  }
  return { ...view, values: answer?.values ?? formValuesFromProduct(null), fieldErrors: answer?.fieldErrors ?? {}, problem: answer?.problem ?? null };
}

/** `/portal/products/{id}`: the product with its photos, a 303 after an action, or the page again with its messages (404 when not the artisan's). */
export async function productEditPage(page: FormPage, deps: ProductPageDeps, user: ProductPageUser, id: string): Promise<Response | ProductEditView> {
  const artisanId = requireArtisanId(user);
  const { formDeps, view } = await formParts(deps, user);
  let product = await findOwnProduct(deps.db, artisanId, id);
  let answer: ReturnType<typeof refused> | null = null;
  if (!product) page.response.status = 404;
  else if (page.request.method === 'POST') {
    const outcome = await editProductPost(formDeps, artisanId, product, page.request);
    if ('redirect' in outcome) return page.redirect(outcome.redirect, 303);
    answer = refused(page, outcome);
    product = await findOwnProduct(deps.db, artisanId, id);
  }
  const photos = product?.images ?? [];
  return {
    ...view,
    self: `/portal/products/${encodeURIComponent(id)}`,
    product,
    values: answer?.values ?? formValuesFromProduct(product),
    fieldErrors: answer?.fieldErrors ?? {},
    problem: answer?.problem ?? null,
    photoProblems: answer?.photoProblems ?? [],
    flash: flashFrom(page.url, strings().flash, 'ok'),
    photos,
    remaining: MAX_PHOTOS - photos.length,
    maxPhotoBytes: MAX_PHOTO_BYTES,
    isPublic: product?.status === 'active' && !product.hidden && user.artisanStatus === 'approved',
  };
}
