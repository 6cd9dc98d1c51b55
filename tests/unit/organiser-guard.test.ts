/**
 * The one guard's organiser rules (issue #15): organisers reach only their section, artisans and
 * organisers cannot reach each other's, and inside the section a tourism office sees only its region's
 * places and events, a cooperative only its place's (everything else is a 404, never told apart).
 */
import { describe, expect, it } from 'vitest';
import { backOfficeGate, coveredOrNotFound, organiserCovers, requireOrganiser, requireOrganiserAccess, writeRefusal } from '../../src/lib/auth/guard.ts';
import { homeFor } from '../../src/lib/auth/redirects.ts';
import { AppError } from '../../src/lib/errors.ts';

const office = { id: 'o1', kind: 'region' as const, scopeId: 'pekalongan', trusted: false };
const cooperative = { id: 'o2', kind: 'place' as const, scopeId: 'desa-seleman', trusted: false };
const organiser = (scope = office) => ({ role: 'organiser', artisanId: null, artisanStatus: null, organiser: scope });
const artisan = { role: 'artisan', artisanId: '0b8e6a4e-3f2c-4d5e-9a1b-2c3d4e5f6a7b', artisanStatus: 'approved', organiser: null };
const curator = { role: 'curator', artisanId: null, artisanStatus: null, organiser: null };

describe('the guard for organisers', () => {
  it('lets organisers, and only them, into the organiser section', () => {
    expect(backOfficeGate(null, '/portal/organiser')).toEqual({ area: 'organiser', access: 'login' });
    expect(backOfficeGate(organiser(), '/portal/organiser/events/new')).toEqual({ area: 'organiser', access: 'ok' });
    expect(backOfficeGate(artisan, '/portal/organiser')).toEqual({ area: 'organiser', access: 'forbidden' });
    expect(backOfficeGate(curator, '/portal/organiser/places')).toEqual({ area: 'organiser', access: 'forbidden' });
    // An organiser account that lost its organiser row is no organiser.
    expect(requireOrganiserAccess({ role: 'organiser', artisanId: null, artisanStatus: null, organiser: null })).toBe('forbidden');
    expect(backOfficeGate(organiser(), '/portal/organisers')?.area).toBe('portal'); // a prefix is not the section
  });

  it('keeps organisers out of the artisans’ portal and the admin', () => {
    for (const path of ['/portal', '/portal/products', '/portal/products/new', '/portal/orders', '/portal/earnings']) {
      expect(backOfficeGate(organiser(), path), path).toEqual({ area: 'portal', access: 'forbidden' });
    }
    expect(backOfficeGate(organiser(), '/admin/review')).toEqual({ area: 'admin', access: 'forbidden' });
    expect(backOfficeGate(organiser(), '/admin/organisers')).toEqual({ area: 'admin', access: 'forbidden' });
  });

  it('sends each account home to its own section', () => {
    expect(homeFor('organiser')).toBe('/portal/organiser');
    expect(homeFor('artisan')).toBe('/portal');
    expect(homeFor('curator')).toBe('/admin');
  });

  it('gives the API the organiser’s scope, or 401/403', () => {
    expect(requireOrganiser(organiser())).toBe(office);
    expect(() => requireOrganiser(null)).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    expect(() => requireOrganiser(artisan)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => requireOrganiser(curator)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('a tourism office covers its region, a cooperative its place and the events held there', () => {
    const kauman = { region: 'pekalongan', placeId: 'kampung-batik-kauman' };
    const trusmi = { region: 'cirebon', placeId: 'trusmi' };
    const seleman = { region: 'muara-enim', placeId: 'desa-seleman' };
    const nationalEvent = { region: null, placeId: null };
    expect(organiserCovers(office, kauman)).toBe(true);
    expect(organiserCovers(office, trusmi)).toBe(false);
    expect(organiserCovers(office, nationalEvent)).toBe(false);
    expect(organiserCovers(cooperative, seleman)).toBe(true);
    expect(organiserCovers(cooperative, { region: 'muara-enim', placeId: 'rumah-batik-serasan' })).toBe(false);
    expect(organiserCovers(cooperative, nationalEvent)).toBe(false);
  });

  it('another region’s item is a 404, like one that does not exist', () => {
    const trusmi = { id: 'trusmi', region: 'cirebon', placeId: 'trusmi' };
    const refusals = [() => coveredOrNotFound(office, trusmi), () => coveredOrNotFound(office, null)];
    for (const refuse of refusals) {
      try {
        refuse();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('not_found');
        expect((error as AppError).message).toBe('There is no such place or event among yours.');
      }
    }
    expect(coveredOrNotFound(office, { id: 'k', region: 'pekalongan', placeId: 'k' }).id).toBe('k');
  });

  it('the artisans’ write rules do not touch organisers', () => {
    expect(writeRefusal({ role: 'organiser', artisanStatus: null }, { method: 'POST', path: '/portal/organiser/events/new', contentType: 'multipart/form-data' })).toBeNull();
  });
});
