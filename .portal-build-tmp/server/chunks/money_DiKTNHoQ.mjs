// src/lib/money.ts
/**
* Rupiah are integers everywhere in our code and database. They are formatted only here, with
* Intl, and converted to Stripe's minor units only in the payments adapter.
*/
var idr = new Intl.NumberFormat("id-ID", {
	style: "currency",
	currency: "IDR",
	maximumFractionDigits: 0,
	minimumFractionDigits: 0
});
/**
* @example formatIdr(350000) // 'Rp 350.000' (with a no-break space)
*/
function formatIdr(rupiah) {
	if (!Number.isSafeInteger(rupiah)) throw new RangeError(`rupiah must be a whole number, got ${rupiah}`);
	return idr.format(rupiah);
}
export { formatIdr as t };
