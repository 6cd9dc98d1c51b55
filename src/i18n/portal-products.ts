/**
 * Interface text of the artisan portal's products and photos. The portal renders Indonesian; the
 * English is kept in step for a future language switch and for the mobile app.
 */
import { AppError } from '../lib/errors.ts';
import { ONE_OF_A_KIND_MESSAGE, issueField } from '../lib/portal/products.ts';
import { TOO_MANY_PHOTOS } from '../lib/portal/photos.ts';

const id = {
  title: 'Produk',
  newTitle: 'Produk baru',
  editTitle: 'Ubah produk',
  lead: 'Kain dan barang yang Anda jual di Canting. Draf hanya terlihat oleh Anda; produk yang diterbitkan tampil di situs dan pencarian.',
  add: 'Tambah produk',
  empty: 'Belum ada produk. Mulailah dengan menambah produk pertama Anda.',
  back: 'Kembali ke daftar produk',
  forbidden: 'Halaman ini khusus untuk perajin. Akun kurator tidak dapat mengubah produk perajin di sini.',
  notFound: 'Produk ini tidak ditemukan di antara produk Anda.',
  notApproved: 'Akun Anda belum disetujui kurator. Anda tetap bisa menyiapkan dan menerbitkan produk, tetapi produk baru tampil di situs setelah akun disetujui.',
  hiddenByCurator: 'Produk ini disembunyikan oleh kurator dan tidak tampil di situs. Hubungi kurator bila ada pertanyaan.',
  viewOnSite: 'Lihat di situs',
  noPhoto: 'Belum ada foto',
  photoCount: (n: number) => `${n} foto`,
  stockLabel: (n: number) => `Stok: ${n}`,
  status: { draft: 'Draf', active: 'Terbit', archived: 'Diarsipkan' } as Record<'draft' | 'active' | 'archived', string>,
  hidden: 'Disembunyikan',
  fix: 'Ada isian yang perlu diperbaiki. Lihat pesan di bawah setiap isian.',
  problem: 'Terjadi kesalahan. Silakan coba lagi.',
  formTooLarge: 'Isian terlalu besar untuk dikirim. Persingkat keterangannya lalu coba lagi.',
  formUnreadable: 'Isian tidak dapat dibaca. Muat ulang halaman lalu coba lagi.',
  sections: {
    text: 'Judul dan keterangan',
    batik: 'Batik',
    size: 'Ukuran dan berat',
    sale: 'Harga dan stok',
    photos: 'Foto',
    more: 'Tindakan lain',
  },
  fields: {
    title_id: 'Judul (bahasa Indonesia)',
    title_en: 'Judul (bahasa Inggris)',
    description_id: 'Keterangan (bahasa Indonesia)',
    description_en: 'Keterangan (bahasa Inggris)',
    motifs: 'Motif (pilih 1 sampai 5)',
    technique: 'Teknik',
    dye: 'Pewarna',
    fabric: 'Kain',
    category: 'Jenis barang',
    lengthCm: 'Panjang (cm)',
    widthCm: 'Lebar (cm)',
    weightGrams: 'Berat untuk pengiriman (gram)',
    priceIdr: 'Harga (rupiah)',
    stock: 'Stok',
    oneOfAKind: 'Satu-satunya (tidak ada yang sama persis)',
    leadTimeDays: 'Lama pembuatan bila dipesan (hari)',
  },
  hints: {
    title_en: 'Untuk pembeli dari luar negeri. Terjemahan sederhana sudah cukup.',
    description_id: 'Ceritakan motif, proses, dan cara merawatnya.',
    priceIdr: 'Bilangan bulat tanpa sen, misalnya 350000 atau 350.000.',
    weightGrams: 'Berat barang yang sudah dikemas.',
    lengthCm: 'Kosongkan bila tidak berlaku.',
    leadTimeDays: 'Kosongkan bila barang hanya dijual dari stok.',
    oneOfAKind: 'Stok barang satu-satunya hanya 0 atau 1.',
  },
  choose: 'Pilih…',
  errors: {
    title_id: 'Tulis judul dalam bahasa Indonesia, paling banyak 160 huruf.',
    title_en: 'Tulis judul dalam bahasa Inggris, paling banyak 160 huruf.',
    description_id: 'Tulis keterangan dalam bahasa Indonesia.',
    description_en: 'Tulis keterangan dalam bahasa Inggris.',
    motifs: 'Pilih 1 sampai 5 motif dari daftar.',
    technique: 'Pilih teknik dari daftar.',
    dye: 'Pilih jenis pewarna.',
    fabric: 'Pilih jenis kain.',
    category: 'Pilih jenis barang.',
    lengthCm: 'Panjang berupa bilangan bulat 1–1000 cm, atau kosongkan.',
    widthCm: 'Lebar berupa bilangan bulat 1–1000 cm, atau kosongkan.',
    weightGrams: 'Berat berupa bilangan bulat 1–30.000 gram.',
    priceIdr: 'Harga berupa bilangan bulat rupiah, dari Rp1.000 sampai Rp1.000.000.000, tanpa sen.',
    stock: 'Stok berupa bilangan bulat 0–100.000.',
    stockOneOfAKind: 'Barang satu-satunya hanya boleh berstok 0 atau 1.',
    oneOfAKind: 'Pilihan ini tidak valid.',
    leadTimeDays: 'Lama pembuatan berupa bilangan bulat 0–365 hari, atau kosongkan.',
    colors: 'Warna tidak valid.',
    input: 'Ada isian yang tidak valid.',
  } as Record<string, string>,
  actions: {
    edit: 'Ubah',
    saveDraft: 'Simpan sebagai draf',
    createPublish: 'Simpan dan terbitkan',
    save: 'Simpan',
    publish: 'Simpan dan terbitkan',
    unpublish: 'Tarik dari situs (jadikan draf)',
    duplicate: 'Duplikat',
    duplicateHint: 'Membuat salinan berupa draf, lengkap dengan fotonya.',
    archive: 'Arsipkan',
    archiveHint: 'Produk tidak tampil lagi di situs. Pesanan lama tetap tersimpan.',
    restore: 'Kembalikan sebagai draf',
  },
  flash: {
    created: 'Produk disimpan. Tambahkan foto agar pembeli bisa melihatnya.',
    saved: 'Perubahan disimpan.',
    published: 'Produk diterbitkan dan segera tampil di situs.',
    unpublished: 'Produk ditarik dari situs dan kembali menjadi draf.',
    archived: 'Produk diarsipkan.',
    duplicated: 'Salinan dibuat sebagai draf. Silakan ubah lalu terbitkan.',
    uploaded: 'Foto ditambahkan.',
    photoRemoved: 'Foto dihapus.',
    photoMoved: 'Urutan foto diubah.',
    coverSet: 'Sampul diganti.',
  } as Record<string, string>,
  photos: {
    lead: 'Paling banyak 8 foto. Foto pertama menjadi sampul. Data lokasi (GPS) dan data kamera dihapus otomatis.',
    none: 'Belum ada foto.',
    cover: 'Sampul',
    photoOf: (n: number) => `Foto ${n}`,
    up: 'Naik',
    down: 'Turun',
    makeCover: 'Jadikan sampul',
    remove: 'Hapus',
    full: 'Sudah 8 foto. Hapus satu foto untuk menambah yang baru.',
    // Passed to the PhotoUploader island: plain strings only ({n}, {name} are filled in there).
    uploader: {
      choose: 'Pilih foto (JPEG, PNG, atau WebP, paling besar 15 MB)',
      upload: 'Unggah',
      remaining: 'Masih bisa {n} foto lagi.',
      tooMany: 'Hanya {n} foto lagi yang bisa ditambahkan; sisanya dilewati.',
      waiting: 'Menunggu',
      uploading: 'Mengunggah…',
      processing: 'Memproses…',
      done: 'Selesai',
      tooLarge: 'Terlalu besar: paling besar 15 MB dan 40 megapiksel.',
      invalid: 'Bukan foto yang bisa dipakai. Unggah JPEG, PNG, atau WebP.',
      full: 'Produk ini sudah punya 8 foto.',
      failed: 'Gagal mengunggah. Periksa koneksi lalu coba lagi.',
      signedOut: 'Sesi Anda berakhir. Silakan masuk lagi.',
      reload: 'Tampilkan foto',
      none: 'Pilih setidaknya satu foto.',
    },
    errors: {
      invalid: 'Berkas ini bukan foto yang bisa dipakai. Unggah JPEG, PNG, atau WebP.',
      tooLarge: 'Foto terlalu besar: paling besar 15 MB dan 40 megapiksel.',
      tooMany: 'Produk ini sudah punya 8 foto. Hapus satu foto untuk menambah yang baru.',
      notFound: 'Foto itu tidak ditemukan; mungkin sudah dihapus.',
      none: 'Pilih setidaknya satu foto.',
      failed: 'Foto tidak dapat diproses. Silakan coba foto lain.',
    },
  },
};

export type PortalProductStrings = typeof id;

const en: PortalProductStrings = {
  title: 'Products',
  newTitle: 'New product',
  editTitle: 'Edit product',
  lead: 'The cloths and goods you sell on Canting. Drafts are seen only by you; published products appear on the site and in search.',
  add: 'Add a product',
  empty: 'No products yet. Start by adding your first one.',
  back: 'Back to the product list',
  forbidden: 'This page is for artisans. Curator accounts cannot change artisans’ products here.',
  notFound: 'This product was not found among yours.',
  notApproved: 'Your account has not been approved by a curator yet. You can prepare and publish products, but they appear on the site only once your account is approved.',
  hiddenByCurator: 'A curator has hidden this product, so it does not appear on the site. Contact the curators if you have questions.',
  viewOnSite: 'View on the site',
  noPhoto: 'No photo yet',
  photoCount: (n: number) => `${n} photo${n === 1 ? '' : 's'}`,
  stockLabel: (n: number) => `Stock: ${n}`,
  status: { draft: 'Draft', active: 'Published', archived: 'Archived' },
  hidden: 'Hidden',
  fix: 'Some fields need fixing. See the message under each one.',
  problem: 'Something went wrong. Please try again.',
  formTooLarge: 'The form is too large to send. Shorten the description and try again.',
  formUnreadable: 'The form could not be read. Reload the page and try again.',
  sections: { text: 'Title and description', batik: 'Batik', size: 'Size and weight', sale: 'Price and stock', photos: 'Photos', more: 'More actions' },
  fields: {
    title_id: 'Title (Indonesian)',
    title_en: 'Title (English)',
    description_id: 'Description (Indonesian)',
    description_en: 'Description (English)',
    motifs: 'Motifs (choose 1 to 5)',
    technique: 'Technique',
    dye: 'Dyes',
    fabric: 'Fabric',
    category: 'Kind of item',
    lengthCm: 'Length (cm)',
    widthCm: 'Width (cm)',
    weightGrams: 'Shipping weight (grams)',
    priceIdr: 'Price (rupiah)',
    stock: 'Stock',
    oneOfAKind: 'One of a kind (no exact twin)',
    leadTimeDays: 'Days to make when ordered',
  },
  hints: {
    title_en: 'For buyers abroad. A simple translation is enough.',
    description_id: 'Tell about the motif, the process and how to care for it.',
    priceIdr: 'Whole rupiah, e.g. 350000 or 350.000.',
    weightGrams: 'The weight once packed.',
    lengthCm: 'Leave empty when it does not apply.',
    leadTimeDays: 'Leave empty when sold from stock only.',
    oneOfAKind: 'A one-of-a-kind piece has a stock of 0 or 1.',
  },
  choose: 'Choose…',
  errors: {
    title_id: 'Write a title in Indonesian, at most 160 characters.',
    title_en: 'Write a title in English, at most 160 characters.',
    description_id: 'Write a description in Indonesian.',
    description_en: 'Write a description in English.',
    motifs: 'Choose 1 to 5 motifs from the list.',
    technique: 'Choose a technique from the list.',
    dye: 'Choose the dyes.',
    fabric: 'Choose the fabric.',
    category: 'Choose the kind of item.',
    lengthCm: 'Length is a whole number of 1–1000 cm, or empty.',
    widthCm: 'Width is a whole number of 1–1000 cm, or empty.',
    weightGrams: 'Weight is a whole number of 1–30,000 grams.',
    priceIdr: 'Price is whole rupiah from Rp 1,000 to Rp 1,000,000,000.',
    stock: 'Stock is a whole number of 0–100,000.',
    stockOneOfAKind: 'A one-of-a-kind piece has a stock of 0 or 1.',
    oneOfAKind: 'This choice is not valid.',
    leadTimeDays: 'Days to make is a whole number of 0–365, or empty.',
    colors: 'A colour is not valid.',
    input: 'Some input is not valid.',
  },
  actions: {
    edit: 'Edit',
    saveDraft: 'Save as draft',
    createPublish: 'Save and publish',
    save: 'Save',
    publish: 'Save and publish',
    unpublish: 'Take off the site (back to draft)',
    duplicate: 'Duplicate',
    duplicateHint: 'Makes a draft copy, photos included.',
    archive: 'Archive',
    archiveHint: 'The product no longer appears on the site. Past orders are kept.',
    restore: 'Restore as draft',
  },
  flash: {
    created: 'Product saved. Add photos so buyers can see it.',
    saved: 'Changes saved.',
    published: 'Published: it appears on the site in a moment.',
    unpublished: 'Taken off the site; it is a draft again.',
    archived: 'Product archived.',
    duplicated: 'A draft copy was made. Edit it, then publish.',
    uploaded: 'Photos added.',
    photoRemoved: 'Photo removed.',
    photoMoved: 'Photo order changed.',
    coverSet: 'Cover changed.',
  },
  photos: {
    lead: 'At most 8 photos. The first one is the cover. Location (GPS) and camera data are removed automatically.',
    none: 'No photos yet.',
    cover: 'Cover',
    photoOf: (n: number) => `Photo ${n}`,
    up: 'Up',
    down: 'Down',
    makeCover: 'Make cover',
    remove: 'Remove',
    full: 'There are 8 photos already. Remove one to add another.',
    uploader: {
      choose: 'Choose photos (JPEG, PNG or WebP, at most 15 MB)',
      upload: 'Upload',
      remaining: '{n} more photos can be added.',
      tooMany: 'Only {n} more photos can be added; the rest were skipped.',
      waiting: 'Waiting',
      uploading: 'Uploading…',
      processing: 'Processing…',
      done: 'Done',
      tooLarge: 'Too large: at most 15 MB and 40 megapixels.',
      invalid: 'Not a usable photo. Upload a JPEG, PNG or WebP.',
      full: 'This product already has 8 photos.',
      failed: 'The upload failed. Check the connection and try again.',
      signedOut: 'Your session has ended. Please sign in again.',
      reload: 'Show the photos',
      none: 'Choose at least one photo.',
    },
    errors: {
      invalid: 'This file is not a usable photo. Upload a JPEG, PNG or WebP.',
      tooLarge: 'The photo is too large: at most 15 MB and 40 megapixels.',
      tooMany: 'This product already has 8 photos. Remove one to add another.',
      notFound: 'That photo was not found; it may have been removed.',
      none: 'Choose at least one photo.',
      failed: 'The photo could not be processed. Please try another one.',
    },
  },
};

/** The portal's product and photo text, by language. */
export const portalProducts = { id, en };

/**
 * One message per form field, in the strings' language, from zod issues (the first issue of a
 * field wins). Keys are the form's field names: `title_id`, `priceIdr`, `motifs`…
 */
export function productFieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  strings: PortalProductStrings,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issueField(issue.path);
    const known = Object.hasOwn(strings.errors, field) ? strings.errors[field] : undefined;
    const message = field === 'stock' && issue.message === ONE_OF_A_KIND_MESSAGE ? strings.errors.stockOneOfAKind : known;
    errors[field] ??= message ?? strings.errors.input!;
  }
  return errors;
}

/** A photo operation's failure, said in the strings' language; unexpected errors are rethrown. */
export function photoErrorMessage(error: unknown, strings: PortalProductStrings): string {
  if (!(error instanceof AppError)) throw error;
  const e = strings.photos.errors;
  if (error.code === 'too_large') return e.tooLarge;
  if (error.code === 'invalid') return error.message === TOO_MANY_PHOTOS ? e.tooMany : e.invalid;
  if (error.code === 'not_found') return e.notFound;
  if (error.code === 'internal') return e.failed;
  throw error;
}
