// src/lib/catalogue/catalogue.ts
function byId(entries, id) {
	return entries.find((e) => e.id === id);
}
/** Entries sorted by their name in the reader's language (Indonesian collation for `id`). */
function sortByName(entries, lang) {
	const collator = new Intl.Collator(lang === "id" ? "id" : "en", { sensitivity: "base" });
	const nameOf = (e) => typeof e.name === "string" ? e.name : e.name[lang];
	return [...entries].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
}
/** Motifs matching every given filter; unknown filter values match nothing. */
function filterMotifs(catalogue, filter) {
	return catalogue.motifs.filter((m) => (!filter.region || m.region === filter.region) && (!filter.technique || m.techniques.includes(filter.technique)));
}
/**
* The first sentence of a text, or its first `max` characters cut at a word, for cards.
* @example excerpt('Kopi adalah penghidupan Semende. Lalu…', 80) // 'Kopi adalah penghidupan Semende.'
*/
function excerpt(text, max = 160) {
	const first = /^.*?[.!?](?=\s|$)/s.exec(text.trim())?.[0] ?? text.trim();
	if (first.length <= max) return first;
	const cut = first.slice(0, max);
	return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : max).replace(/[,;:]$/, "")}…`;
}
export { sortByName as i, excerpt as n, filterMotifs as r, byId as t };
