/**
 * The cart page's logic (the page only renders): a form post changes one line — a piece (`add`,
 * `update`, `remove`) or a class's seats (`add-seats`, `update-seats`, `remove-seats`, decision 015) —
 * and answers with where to go next, or with which refusal to show and its status.
 */
import type { Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { addSeatsToCart, addToCart, quantityFromForm, removeFromCart, removeSeatsFromCart, setCartQuantity, setCartSeats } from './cart.ts';

/** Which sentence the page shows (keys of the strings' `cart` or `classes`), and the answer's status. */
export type CartRefusal =
  | { status: 404 | 409 | 400; problem: 'soldOut' | 'notFound' | 'badQuantity' | 'unknownAction'; seats: false }
  | { status: 404 | 409 | 400; problem: 'full' | 'notFound' | 'badSeats' | 'unknownAction'; seats: true };

const PIECE_ACTIONS = ['add', 'update', 'remove'] as const;
const SEAT_ACTIONS = ['add-seats', 'update-seats', 'remove-seats'] as const;

/**
 * Applies one cart form post. `cartId` opens (or finds) the visitor's cart only when the post is one
 * the page knows, so a stray post sets no cookie.
 * @throws what is not the visitor's to fix (a database failure): the page's 500.
 */
export async function cartPagePost(db: Queryable, cartId: () => Promise<string>, form: FormData): Promise<{ done: true } | CartRefusal> {
  const action = String(form.get('action') ?? '');
  const seats = (SEAT_ACTIONS as readonly string[]).includes(action);
  const slug = String(form.get('productSlug') ?? '');
  const sessionId = String(form.get('sessionId') ?? '');
  const quantity = quantityFromForm(form.get('quantity') ?? '1');
  try {
    if (!seats && !(PIECE_ACTIONS as readonly string[]).includes(action)) throw new AppError('invalid', 'action');
    const id = await cartId();
    if (action === 'add') await addToCart(db, id, slug, quantity);
    else if (action === 'update') await setCartQuantity(db, id, slug, quantity);
    else if (action === 'remove') await removeFromCart(db, id, slug);
    else if (action === 'add-seats') await addSeatsToCart(db, id, sessionId, quantity);
    else if (action === 'update-seats') await setCartSeats(db, id, sessionId, quantity);
    else await removeSeatsFromCart(db, id, sessionId);
    return { done: true };
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'internal' || error.code === 'unavailable') throw error;
    const status = error.code === 'conflict' ? 409 : error.code === 'not_found' ? 404 : 400;
    const kind = error.code === 'conflict' ? 'conflict' : error.code === 'not_found' ? 'notFound' : error.reason === 'bad_quantity' ? 'bad' : 'unknownAction';
    if (seats) return { status, seats, problem: kind === 'conflict' ? 'full' : kind === 'bad' ? 'badSeats' : kind };
    return { status, seats, problem: kind === 'conflict' ? 'soldOut' : kind === 'bad' ? 'badQuantity' : kind };
  }
}
