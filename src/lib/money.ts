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
