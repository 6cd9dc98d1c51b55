/**
 * Browser code: puts the cart's piece count into the header's cart link, the markup CartCount.astro
 * renders on the server. The words come from the link's `data-count-one` / `data-count-other`.
 */
export function showCartCount(count: number, lang: string): void {
  const link = document.querySelector<HTMLAnchorElement>('a.cart-link');
  if (!link) return;
  link.querySelector('.cart-count')?.remove();
  if (count <= 0) return;
  const category = new Intl.PluralRules(lang === 'id' ? 'id-ID' : 'en-GB').select(count);
  const template = (category === 'one' ? link.dataset.countOne : undefined) ?? link.dataset.countOther ?? '{n}';
  const badge = document.createElement('span');
  badge.className = 'cart-count';
  badge.dataset.cartCount = String(count);
  const visible = document.createElement('span');
  visible.setAttribute('aria-hidden', 'true');
  visible.textContent = String(count);
  const words = document.createElement('span');
  words.className = 'visually-hidden';
  words.textContent = template.replaceAll('{n}', String(count));
  badge.append(visible, words);
  // In place of the server island's placeholder, if it has not arrived yet.
  link.append(badge);
}
