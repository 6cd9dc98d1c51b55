/**
 * Add to cart: a plain form that posts to the cart page (works without JavaScript), enhanced to
 * add in place through `POST /api/cart/items` and say so.
 */
import { useState, type FormEvent } from 'react';

interface Props {
  lang: 'id' | 'en';
  productSlug: string;
  maxQuantity: number;
  cartUrl: string;
  strings: { add: string; added: string; viewCart: string; quantity: string; soldOut: string; error: string };
}

export default function AddToCart({ lang, productSlug, maxQuantity, cartUrl, strings }: Props) {
  const [state, setState] = useState<'idle' | 'busy' | 'added' | 'error'>('idle');
  const [message, setMessage] = useState('');
  const [quantity, setQuantity] = useState(1);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setState('busy');
    try {
      const res = await fetch('/api/cart/items', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ productSlug, quantity, lang }),
      });
      if (res.ok) {
        const cart = (await res.json()) as { count: number };
        setMessage(`${strings.added} (${cart.count})`);
        setState('added');
      } else {
        setMessage(res.status === 409 ? strings.soldOut : strings.error);
        setState('error');
      }
    } catch {
      setMessage(strings.error);
      setState('error');
    }
  }

  return (
    <form className="add-to-cart" method="post" action={cartUrl} onSubmit={onSubmit}>
      <input type="hidden" name="action" value="add" />
      <input type="hidden" name="productSlug" value={productSlug} />
      {maxQuantity > 1 && (
        <label>
          {strings.quantity}
          <input type="number" name="quantity" min={1} max={maxQuantity} value={quantity} inputMode="numeric"
            onChange={(e) => setQuantity(Math.max(1, Math.min(maxQuantity, Number(e.currentTarget.value) || 1)))} />
        </label>
      )}
      {maxQuantity <= 1 && <input type="hidden" name="quantity" value="1" />}
      <button type="submit" disabled={state === 'busy'}>{strings.add}</button>
      <p role="status" aria-live="polite" className="small" style={{ margin: 0, flexBasis: '100%' }}>
        {message}
        {state === 'added' && <> · <a href={cartUrl}>{strings.viewCart}</a></>}
      </p>
    </form>
  );
}
