import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/errors.ts';
import {
  availableCouriers,
  chargeableKg,
  loadShippingTable,
  normaliseProvince,
  parseShippingTable,
  provinceZone,
  quoteShipping,
  readShippingTable,
  trackingLink,
  ZONES,
  type ShippingQuoteRequest,
} from '../../src/lib/commerce/shipping.ts';

const contentDir = new URL('../../content/', import.meta.url).pathname;
const table = readShippingTable(contentDir);

function appError(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

const parcel = (over: Partial<ShippingQuoteRequest> = {}): ShippingQuoteRequest => ({
  originRegionIsland: 'java',
  destinationProvince: 'Jawa Tengah',
  country: 'ID',
  weightGrams: 800,
  courierId: 'jne',
  ...over,
});

describe('shipping rate table', () => {
  it('loads content/shipping.yaml, caches it, and labels its figures as samples', () => {
    expect(readShippingTable(contentDir)).toBe(table);
    expect(table.note.id).toMatch(/contoh/i);
    expect(table.note.en).toMatch(/sample/i);
    expect(table.couriers.map((c) => c.id)).toEqual(expect.arrayContaining(['jne', 'jnt', 'pos', 'sicepat']));
  });

  it('lists all 38 provinces, each once, each in a valid zone', () => {
    expect(table.provinces).toHaveLength(38);
    const names = table.provinces.map((p) => normaliseProvince(p.name));
    expect(new Set(names).size).toBe(names.length);
    for (const p of table.provinces) expect(ZONES).toContain(p.zone);
    expect(table.provinces.filter((p) => p.zone === 'java')).toHaveLength(6);
    expect(table.provinces.filter((p) => p.zone === 'sumatra')).toHaveLength(10);
  });

  it('rejects a table that lists a province twice or a rate that is not integer rupiah', () => {
    const raw = loadShippingTable(readFileSync(`${contentDir}/shipping.yaml`, 'utf8'));
    const { provinceIndex: _, ...data } = raw;
    const twice = { ...data, provinces: [...data.provinces, { name: 'jawa  tengah', zone: 'java' }] };
    expect(appError(() => parseShippingTable(twice)).message).toMatch(/listed twice/);
    const fractional = structuredClone(data);
    fractional.couriers[0]!.rates.java!.java!.perKgIdr = 9999.5;
    expect(appError(() => parseShippingTable(fractional)).message).toMatch(/perKgIdr/);
    expect(appError(() => loadShippingTable('provinces: [')).code).toBe('internal');
  });
});

describe('tracking links', () => {
  it('every courier has an https tracking page, and a parcel links to its own courier', () => {
    for (const c of table.couriers) expect(new URL(c.tracking.page).protocol).toBe('https:');
    expect(trackingLink(table, 'jne', 'JNE123456')).toEqual({ courierName: 'JNE REG', url: 'https://www.jne.co.id/', numberInUrl: false });
    expect(trackingLink(table, 'pos', 'RR123')?.url).toBe('https://www.posindonesia.co.id/');
    expect(trackingLink(table, 'no-such-courier', 'X1234')).toBeNull();
  });

  it('a checked direct URL gets the number, escaped; a template without {resi} or over http is refused', () => {
    const raw = loadShippingTable(readFileSync(`${contentDir}/shipping.yaml`, 'utf8'));
    const { provinceIndex: _, ...data } = raw;
    const direct = structuredClone(data);
    direct.couriers[0]!.tracking.numberUrl = 'https://kurir.example/lacak?resi={resi}';
    expect(trackingLink(parseShippingTable(direct), direct.couriers[0]!.id, 'AB 12/3')).toMatchObject({ url: 'https://kurir.example/lacak?resi=AB%2012%2F3', numberInUrl: true });
    const noPlace = structuredClone(data);
    noPlace.couriers[0]!.tracking.numberUrl = 'https://kurir.example/lacak';
    expect(appError(() => parseShippingTable(noPlace)).message).toMatch(/\{resi\}/);
    const plain = structuredClone(data);
    plain.couriers[0]!.tracking.page = 'http://kurir.example/';
    expect(appError(() => parseShippingTable(plain)).message).toMatch(/https/);
  });
});

describe('provinceZone', () => {
  it.each([
    ['Jawa Tengah', 'java'],
    ['DKI Jakarta', 'java'],
    ['DI Yogyakarta', 'java'],
    ['Sumatera Selatan', 'sumatra'],
    ['Lampung', 'sumatra'],
    ['Kepulauan Bangka Belitung', 'sumatra'],
    ['Bali', 'other-islands'],
    ['Nusa Tenggara Timur', 'other-islands'],
    ['Kalimantan Utara', 'other-islands'],
    ['Sulawesi Selatan', 'other-islands'],
    ['Maluku Utara', 'other-islands'],
    ['Papua Barat Daya', 'other-islands'],
  ])('%s → %s', (province, zone) => {
    expect(provinceZone(table, province, 'ID')).toBe(zone);
  });

  it('ignores case and spacing in the province name and the country code', () => {
    expect(provinceZone(table, '  jawa   TENGAH ', 'id')).toBe('java');
  });

  it('puts any country other than Indonesia abroad, whatever the province', () => {
    expect(provinceZone(table, '', 'MY')).toBe('abroad');
    expect(provinceZone(table, 'Selangor', 'my')).toBe('abroad');
    expect(provinceZone(table, 'Jawa Tengah', 'NL')).toBe('abroad');
  });

  it('refuses an unknown province or a malformed country with a clear message', () => {
    const error = appError(() => provinceZone(table, 'Jawa Tenggara', 'ID'));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/Unknown province "Jawa Tenggara"/);
    expect(appError(() => provinceZone(table, 'Bali', 'Indonesia')).code).toBe('invalid');
  });
});

describe('chargeableKg', () => {
  it('rounds down an excess of at most 0.3 kg over a whole kilo, up above that', () => {
    expect(chargeableKg(1300)).toBe(1);
    expect(chargeableKg(1310)).toBe(2);
    expect(chargeableKg(1000)).toBe(1);
    expect(chargeableKg(2300)).toBe(2);
    expect(chargeableKg(2301)).toBe(3);
  });

  it('charges at least 1 kg', () => {
    expect(chargeableKg(200)).toBe(1);
    expect(chargeableKg(1)).toBe(1);
    expect(chargeableKg(900)).toBe(1);
  });

  it('uses the volumetric weight (L×W×H ÷ 6000) when a light parcel is bulky', () => {
    // 40 × 30 × 20 / 6000 = 4 kg, though it weighs 500 g.
    expect(chargeableKg(500, { lengthCm: 40, widthCm: 30, heightCm: 20 })).toBe(4);
    // 30 × 20 × 13 / 6000 = 1.3 kg → 1; a heavy small parcel keeps its actual weight.
    expect(chargeableKg(500, { lengthCm: 30, widthCm: 20, heightCm: 13 })).toBe(1);
    expect(chargeableKg(3400, { lengthCm: 10, widthCm: 10, heightCm: 10 })).toBe(4);
  });

  it('refuses a weight or dimension that is not positive', () => {
    expect(appError(() => chargeableKg(0)).code).toBe('invalid');
    expect(appError(() => chargeableKg(Number.NaN)).code).toBe('invalid');
    expect(appError(() => chargeableKg(500, { lengthCm: 10, widthCm: 0, heightCm: 10 })).message).toMatch(/widthCm/);
  });
});

describe('quoteShipping', () => {
  it('prices per chargeable kg in integer rupiah, with the zone and ETA', () => {
    const quote = quoteShipping(table, parcel({ weightGrams: 2400 }));
    const rate = table.couriers.find((c) => c.id === 'jne')!.rates.java!.java!;
    expect(quote).toEqual({
      courierId: 'jne',
      name: 'JNE REG',
      costIdr: 3 * rate.perKgIdr,
      zone: 'java',
      etaDays: rate.etaDays,
      chargeableKg: 3,
    });
  });

  it('gives integer quotes, and outer islands cost more than Java for the same weight', () => {
    for (const origin of ['java', 'sumatra'] as const) {
      for (const courier of table.couriers) {
        const quote = (destinationProvince: string) =>
          quoteShipping(table, parcel({ originRegionIsland: origin, courierId: courier.id, destinationProvince, weightGrams: 1700 }));
        const java = quote('Jawa Timur');
        const papua = quote('Papua Pegunungan');
        const sumatra = quote('Sumatera Utara');
        for (const q of [java, papua, sumatra]) expect(Number.isInteger(q.costIdr)).toBe(true);
        expect(papua.costIdr).toBeGreaterThan(java.costIdr);
        expect(papua.costIdr).toBeGreaterThan(sumatra.costIdr);
        expect(papua.zone).toBe('other-islands');
      }
    }
  });

  it('ships from Sumatra to Sumatra cheaper than to Java', () => {
    const near = quoteShipping(table, parcel({ originRegionIsland: 'sumatra', destinationProvince: 'Lampung' }));
    const far = quoteShipping(table, parcel({ originRegionIsland: 'sumatra', destinationProvince: 'Jawa Barat' }));
    expect(near.costIdr).toBeLessThan(far.costIdr);
  });

  it('quotes abroad only with a courier that ships abroad', () => {
    expect(availableCouriers(table, 'java', 'abroad').map((c) => c.courierId)).toEqual(['pos']);
    const pos = quoteShipping(table, parcel({ country: 'NL', destinationProvince: '', courierId: 'pos' }));
    expect(pos.zone).toBe('abroad');
    expect(Number.isInteger(pos.costIdr)).toBe(true);

    const error = appError(() => quoteShipping(table, parcel({ country: 'NL', destinationProvince: '', courierId: 'jne' })));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/JNE REG does not ship to abroad.*POS Indonesia/);
  });

  it('lists every courier for a domestic route', () => {
    const couriers = availableCouriers(table, 'sumatra', 'other-islands');
    expect(couriers.map((c) => c.courierId).sort()).toEqual(['jne', 'jnt', 'pos', 'sicepat']);
    for (const c of couriers) expect(Number.isInteger(c.perKgIdr)).toBe(true);
  });

  it('refuses an unknown province or courier with a clear message', () => {
    expect(appError(() => quoteShipping(table, parcel({ destinationProvince: 'Atlantis' }))).message).toMatch(/Unknown province "Atlantis"/);
    expect(appError(() => quoteShipping(table, parcel({ courierId: 'tiki' }))).message).toMatch(/Unknown courier "tiki"/);
  });
});
