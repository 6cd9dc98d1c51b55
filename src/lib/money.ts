/**
 * Rupiah are integers everywhere in our code and database. They are formatted only here, with
 * Intl, and converted to Stripe's minor units only in the payments adapter.
 */
const grouped = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0, minimumFractionDigits: 0 });

/**
 * Rupiah as EYD V writes them: the symbol joined to the number, dots between thousands
 * (Intl's id-ID currency style puts a no-break space after "Rp", which EYD V does not).
 * @example formatIdr(350000) // 'Rp350.000'
 */
export function formatIdr(rupiah: number): string {
  if (!Number.isSafeInteger(rupiah)) throw new RangeError(`rupiah must be a whole number, got ${rupiah}`);
  return `${rupiah < 0 ? '-' : ''}Rp${grouped.format(Math.abs(rupiah))}`;
}

/**
 * Rupiah as a person types them into a form — the one reading for every form that asks for an amount
 * (a class's price, an event's ticket, a payout): "150000", "150.000", "150 000", "Rp 150.000",
 * "Rp150.000,-". `'empty'` for nothing, `'cents'` for a fraction ("150.000,50", "150000.5": rupiah are
 * whole), `'bad'` for anything else (words, signs, dots out of place, beyond a safe integer).
 */
export function parseRupiah(text: string): number | 'empty' | 'cents' | 'bad' {
  const raw = text.trim().replace(/^rp\.?\s*/i, '').replace(/,-$/, '');
  if (raw === '') return 'empty';
  if (/^\d+$/.test(raw) || /^\d{1,3}(?:[.\s]\d{3})+$/.test(raw)) {
    const rupiah = Number(raw.replace(/[.\s]/g, ''));
    return Number.isSafeInteger(rupiah) ? rupiah : 'bad';
  }
  if (/^\d[\d.\s]*,\d+$/.test(raw) || /^\d+\.\d{1,2}$/.test(raw)) return 'cents';
  return 'bad';
}
