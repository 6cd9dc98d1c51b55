/**
 * The text of every e-mail Canting sends, in both languages: to buyers in their language, to artisans
 * and applicants in Indonesian (the portal speaks Indonesian; the English half is there for the day a
 * workshop reads English, and `tests/unit/i18n.test.ts` keeps both halves alike). The builders in
 * src/lib (commerce/order-mail.ts, auth/self-service.ts) fill these in; nothing else writes mail text.
 */

/** An order's lines, already formatted (`- Kain × 1: Rp 350.000`, one per line). */
type Lines = string;

const id = {
  hello: (name: string) => `Halo ${name},`,
  helloAnyone: 'Halo,',
  signature: 'Canting',
  sampleOrder: 'Data contoh: perajin dan barang dalam pesanan ini fiktif, untuk mencoba Canting.',
  sampleAccount: ' (Rekening contoh: Canting berjalan dengan data contoh; jangan mentransfer uang sungguhan.)',
  statusLink: (url: string) => `Lihat status pesanan: ${url}`,
  statusInConfirmation: (number: string) => `Status pesanan ${number} dapat dilihat lewat tautan di e-mail konfirmasi pesanan Anda.`,
  shipping: 'Ongkos kirim',
  status: 'Status',
  courier: 'Kurir',
  placed: {
    subject: (number: string) => `Pesanan ${number} sudah tercatat`,
    intro: (number: string, workshop: string) => `Terima kasih. Pesanan ${number} dari ${workshop} sudah kami catat.`,
    transfer: (amount: string, bank: string, accountName: string, account: string, reference: string) =>
      `Silakan transfer tepat ${amount} ke ${bank}, a.n. ${accountName}, no. rek. ${account}, dengan berita "${reference}".`,
    shippingLine: (courier: string, amount: string) => `Ongkos kirim (${courier}): ${amount}`,
    total: (amount: string) => `Total: ${amount}`,
  },
  paid: {
    subject: (number: string) => `Pembayaran ${number} sudah masuk`,
    body: (number: string, amount: string, workshop: string) => `Pembayaran pesanan ${number} sebesar ${amount} sudah masuk. ${workshop} akan menyiapkan kirimannya.`,
  },
  bankInstruction: (amount: string, code: string, bank: string, accountName: string, account: string, reference: string, deadline: string) =>
    `Transfer tepat ${amount} (termasuk kode unik ${code}) ke ${bank}, a.n. ${accountName}, no. rek. ${account}, dengan berita "${reference}", paling lambat ${deadline}.`,
  checkoutPlaced: {
    subject: (number: string) => `Checkout ${number} sudah tercatat`,
    intro: (number: string, orders: number) => `Terima kasih. Checkout ${number} sudah kami terima: ${orders} pesanan, satu pembayaran.`,
    payByCard: (url: string) => `Bayar dengan kartu: ${url}`,
    total: (amount: string) => `Total dibayar sekali: ${amount}`,
  },
  checkoutPaid: {
    subject: (number: string) => `Pembayaran ${number} sudah masuk`,
    intro: (amount: string, number: string) => `Pembayaran ${amount} untuk checkout ${number} sudah masuk.`,
    willRefund: ' (tidak dapat diproses; akan dikembalikan)',
    next: 'Setiap perajin akan menyiapkan kirimannya.',
    statusElsewhere: ' Status pesanan dapat dilihat lewat tautan di e-mail checkout Anda.',
  },
  shipped: {
    subject: (number: string) => `Pesanan ${number} sudah dikirim`,
    intro: (workshop: string, number: string) => `${workshop} sudah mengirim pesanan ${number}.`,
    tracking: (number: string) => `Nomor resi: ${number}`,
    follow: (url: string, numberInUrl: boolean) => `Lacak kiriman: ${url}${numberInUrl ? '' : ' (masukkan nomor resi di formulir lacak kiriman)'}`,
    total: (amount: string) => `Total: ${amount}`,
  },
  notice: {
    delivered: {
      subject: (number: string) => `Pesanan ${number} diterima`,
      body: (number: string, workshop: string, _amount: string) => `Pesanan ${number} sudah diterima. Terima kasih telah berbelanja batik dari ${workshop}.`,
    },
    refunded: {
      subject: (number: string) => `Pengembalian dana ${number}`,
      body: (number: string, _workshop: string, amount: string) => `Dana ${amount} untuk pesanan ${number} sudah dikembalikan.`,
    },
    needs_refund: {
      subject: (number: string) => `Pesanan ${number}: dana akan dikembalikan`,
      body: (number: string, _workshop: string, amount: string) =>
        `Pembayaran untuk pesanan ${number} tiba setelah pesanan berakhir. Kurator kami akan mengembalikan ${amount}.`,
    },
  },
  artisan: {
    newOrder: {
      subject: (number: string) => `Pesanan baru ${number}`,
      body: (number: string, buyer: string, place: string, lines: Lines, courier: string) =>
        `Pesanan baru ${number} dari ${buyer} (${place}).\n\n${lines}\nKurir: ${courier}\nStatus: menunggu pembayaran.`,
    },
    toShip: {
      subject: (number: string) => `Sudah dibayar — kirim pesanan ${number}`,
      body: (number: string, buyer: string, place: string, lines: Lines, courier: string, portalUrl: string) =>
        `Pesanan ${number} dari ${buyer} (${place}) sudah dibayar.\n\n${lines}\nKurir: ${courier}\n\nSilakan kirim dan isi nomor resinya: ${portalUrl}`,
    },
    reminder: {
      subject: (number: string) => `Pengingat: pesanan ${number} belum dikirim`,
      body: (number: string, buyer: string, hours: number, lines: Lines, courier: string, portalUrl: string) =>
        `Pesanan ${number} dari ${buyer} sudah dibayar lebih dari ${hours} jam yang lalu dan belum dikirim.\n\n${lines}\nKurir: ${courier}\n\nKirim lalu isi nomor resinya: ${portalUrl}\nBila ada kendala, hubungi kurator koperasi.`,
    },
  },
  account: {
    signup: {
      subject: 'Pendaftaran perajin Canting diterima',
      body: (name: string, workshop: string, loginUrl: string) =>
        `Halo ${name},\n\nPendaftaran ${workshop} sudah kami terima dan menunggu persetujuan kurator. Sementara itu Anda sudah bisa masuk dan menyiapkan produk:\n${loginUrl}`,
    },
    signupExisting: {
      subject: 'Alamat e-mail Anda sudah terdaftar di Canting',
      body: (loginUrl: string, resetUrl: string) =>
        `Halo,\n\nSeseorang (mungkin Anda) baru saja mencoba mendaftar sebagai perajin dengan alamat e-mail ini, yang sudah punya akun di Canting.\n\nBila itu Anda, silakan masuk:\n${loginUrl}\natau atur ulang kata sandi:\n${resetUrl}\n\nBila bukan Anda, abaikan e-mail ini; akun Anda tidak berubah.`,
    },
    reset: {
      subject: 'Atur ulang kata sandi Canting',
      body: (minutes: number, link: string) => `Buka tautan ini dalam ${minutes} menit untuk mengatur kata sandi baru:\n${link}\n\nAbaikan e-mail ini bila Anda tidak memintanya.`,
    },
    organiserInvite: {
      subject: 'Undangan mengelola halaman kunjungan di Canting',
      /** `scope`: "daerah Pekalongan" or "tempat Desa Seleman". */
      body: (name: string, scope: string, days: number, link: string) =>
        `Halo ${name},\n\nKurator Canting mengundang Anda mengelola tempat dan acara batik di ${scope} di Canting.\n\nBuka tautan ini dalam ${days} hari untuk membuat kata sandi Anda:\n${link}\n\nSetelah itu, masuk dengan alamat e-mail ini di halaman masuk Canting. Bila Anda tidak mengharapkan undangan ini, abaikan saja.`,
      region: (name: string) => `daerah ${name}`,
      place: (name: string) => `tempat ${name}`,
    },
  },
  /** A paid booking of a batik class (decision 015), with its .ics attached. */
  classBooked: {
    subject: (number: string) => `Kelas membatik dipesan — ${number}`,
    intro: (place: string, number: string) => `Tempat Anda di kelas membatik ${place} sudah dipesan dan dibayar (pesanan ${number}).`,
    sample: 'Data contoh: kelas ini fiktif, untuk mencoba Canting.',
    when: (start: string, minutes: number) => `${start}, ${minutes} menit`,
    seats: (n: number) => `${n} kursi`,
    attached: 'Jadwalnya terlampir sebagai berkas kalender (.ics).',
    icsDescription: (number: string, seats: string) => `Pesanan ${number}: ${seats}`,
    noShipping: 'Kelas: tanpa pengiriman',
  },
};

export type MailStrings = typeof id;

const en: MailStrings = {
  hello: (name) => `Hello ${name},`,
  helloAnyone: 'Hello,',
  signature: 'Canting',
  sampleOrder: 'Sample data: the artisan and the pieces in this order are fictional, for trying Canting out.',
  sampleAccount: ' (A sample account: Canting is running on sample data; do not transfer real money.)',
  statusLink: (url) => `See the order's status: ${url}`,
  statusInConfirmation: (number) => `You can see the status of order ${number} through the link in your order confirmation e-mail.`,
  shipping: 'Shipping',
  status: 'Status',
  courier: 'Courier',
  placed: {
    subject: (number) => `Order ${number} placed`,
    intro: (number, workshop) => `Thank you. Order ${number} from ${workshop} has been placed.`,
    transfer: (amount, bank, accountName, account, reference) =>
      `Please transfer exactly ${amount} to ${bank}, account name ${accountName}, account ${account}, with the reference "${reference}".`,
    shippingLine: (courier, amount) => `Shipping (${courier}): ${amount}`,
    total: (amount) => `Total: ${amount}`,
  },
  paid: {
    subject: (number) => `Payment for ${number} received`,
    body: (number, amount, workshop) => `We have received ${amount} for order ${number}. ${workshop} will prepare your parcel.`,
  },
  bankInstruction: (amount, code, bank, accountName, account, reference, deadline) =>
    `Transfer exactly ${amount} (including the unique code ${code}) to ${bank}, account name ${accountName}, account ${account}, with the reference "${reference}", by ${deadline}.`,
  checkoutPlaced: {
    subject: (number) => `Checkout ${number} received`,
    intro: (number, orders) => `Thank you. We have received checkout ${number}: ${orders} order(s), one payment.`,
    payByCard: (url) => `Pay by card: ${url}`,
    total: (amount) => `Total, paid once: ${amount}`,
  },
  checkoutPaid: {
    subject: (number) => `Payment for ${number} received`,
    intro: (amount, number) => `We have received ${amount} for checkout ${number}.`,
    willRefund: ' (cannot be fulfilled; will be refunded)',
    next: 'Each workshop will prepare its parcel.',
    statusElsewhere: " Each order's status is at the link in your checkout e-mail.",
  },
  shipped: {
    subject: (number) => `Order ${number} has shipped`,
    intro: (workshop, number) => `${workshop} has shipped order ${number}.`,
    tracking: (number) => `Tracking number: ${number}`,
    follow: (url, numberInUrl) => `Track the parcel: ${url}${numberInUrl ? '' : ' (enter the tracking number in its tracking form)'}`,
    total: (amount) => `Total: ${amount}`,
  },
  notice: {
    delivered: {
      subject: (number) => `Order ${number} delivered`,
      body: (number, workshop, _amount) => `Order ${number} has been delivered. Thank you for buying batik from ${workshop}.`,
    },
    refunded: {
      subject: (number) => `Refund for ${number}`,
      body: (number, _workshop, amount) => `${amount} for order ${number} has been refunded.`,
    },
    needs_refund: {
      subject: (number) => `Order ${number}: your money will be refunded`,
      body: (number, _workshop, amount) => `The payment for order ${number} arrived after the order had ended. Our curators will refund ${amount}.`,
    },
  },
  artisan: {
    newOrder: {
      subject: (number) => `New order ${number}`,
      body: (number, buyer, place, lines, courier) => `New order ${number} from ${buyer} (${place}).\n\n${lines}\nCourier: ${courier}\nStatus: awaiting payment.`,
    },
    toShip: {
      subject: (number) => `Paid — ship order ${number}`,
      body: (number, buyer, place, lines, courier, portalUrl) =>
        `Order ${number} from ${buyer} (${place}) has been paid.\n\n${lines}\nCourier: ${courier}\n\nPlease ship it and enter its tracking number: ${portalUrl}`,
    },
    reminder: {
      subject: (number) => `Reminder: order ${number} has not been shipped`,
      body: (number, buyer, hours, lines, courier, portalUrl) =>
        `Order ${number} from ${buyer} was paid more than ${hours} hours ago and has not been shipped.\n\n${lines}\nCourier: ${courier}\n\nShip it, then enter its tracking number: ${portalUrl}\nIf something is in the way, contact the cooperative's curators.`,
    },
  },
  account: {
    signup: {
      subject: 'Your Canting artisan application has arrived',
      body: (name, workshop, loginUrl) =>
        `Hello ${name},\n\nWe have received the application of ${workshop}; it waits for a curator's approval. Meanwhile you can sign in and prepare your pieces:\n${loginUrl}`,
    },
    signupExisting: {
      subject: 'Your e-mail address already has a Canting account',
      body: (loginUrl, resetUrl) =>
        `Hello,\n\nSomeone (perhaps you) just tried to apply as an artisan with this e-mail address, which already has a Canting account.\n\nIf that was you, sign in:\n${loginUrl}\nor reset your password:\n${resetUrl}\n\nIf it was not you, ignore this e-mail; your account has not changed.`,
    },
    reset: {
      subject: 'Reset your Canting password',
      body: (minutes, link) => `Open this link within ${minutes} minutes to set a new password:\n${link}\n\nIgnore this e-mail if you did not ask for it.`,
    },
    organiserInvite: {
      subject: 'An invitation to look after your visit pages on Canting',
      body: (name, scope, days, link) =>
        `Hello ${name},\n\nCanting's curators invite you to look after the batik places and events of ${scope} on Canting.\n\nOpen this link within ${days} days to choose your password:\n${link}\n\nThen sign in with this e-mail address on Canting's sign-in page. If you did not expect this invitation, ignore it.`,
      region: (name) => `the region ${name}`,
      place: (name) => `the place ${name}`,
    },
  },
  classBooked: {
    subject: (number: string) => `Batik class booked — ${number}`,
    intro: (place: string, number: string) => `Your place in the batik class at ${place} is booked and paid (order ${number}).`,
    sample: 'Sample data: this class is fictional, for trying Canting out.',
    when: (start: string, minutes: number) => `${start}, ${minutes} minutes`,
    seats: (n: number) => (n === 1 ? '1 seat' : `${n} seats`),
    attached: 'The schedule is attached as a calendar file (.ics).',
    icsDescription: (number: string, seats: string) => `Order ${number}: ${seats}`,
    noShipping: 'Class: nothing to ship',
  },
};

export const mailStrings = { id, en };
