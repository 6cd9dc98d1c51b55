/**
 * The curators' organisers page's logic (the page only renders): its one form post invites an organiser,
 * sends an invitation again, or trusts one (or takes that back), through the one form-action helper.
 */
import { z } from 'astro/zod';
import type { Database } from '../db/database.ts';
import { handleFormPost, type PageContext } from '../form-action.ts';
import { useStrings } from '../../i18n/index.ts';
import { inviteOrganiser, reinviteOrganiser, setOrganiserTrusted, type KnownScopes } from './organisers.ts';

export interface OrganisersPageDeps {
  db: Database;
  /** The app's `deliverEffects`: the invitation goes out before the page answers. */
  deliverEffects: () => Promise<void>;
}

const organiserForm = z.object({
  action: z.enum(['invite', 'reinvite', 'trust', 'untrust']),
  organiserId: z.string().catch(''),
  email: z.string().catch(''),
  name: z.string().catch(''),
  scopeKind: z.string().catch(''),
  region: z.string().catch(''),
  place: z.string().catch(''),
});

/**
 * Handles a post to /admin/organisers: null when not posted to, the 303 back with `?done=<flash key>`,
 * or the refusal's sentence (the page's status already set).
 */
export function organisersPagePost(deps: OrganisersPageDeps, page: PageContext, scopes: KnownScopes, curatorId: string | null): Promise<Response | string | null> {
  const s = useStrings('id');
  const a = s.organiser.admin;
  return handleFormPost(page, {
    schema: organiserForm,
    act: async (f) => {
      if (f.action === 'invite') {
        const scopeKind = f.scopeKind === 'place' ? 'place' : 'region';
        await inviteOrganiser(deps, { email: f.email, name: f.name, scopeKind, scopeId: scopeKind === 'place' ? f.place : f.region }, scopes, curatorId);
        return '/admin/organisers?done=invited';
      }
      if (f.action === 'reinvite') {
        await reinviteOrganiser(deps, f.organiserId, scopes.names);
        return '/admin/organisers?done=reinvited';
      }
      const outcome = await setOrganiserTrusted(deps.db, f.organiserId, f.action === 'trust');
      return `/admin/organisers?done=${outcome === 'unchanged' ? 'unchanged' : f.action === 'trust' ? 'trusted' : 'untrusted'}`;
    },
    message: (e, form) =>
      e.code === 'not_found' ? a.errors.notFound : e.code === 'conflict' ? (form.get('action') === 'reinvite' ? a.errors.alreadyActive : a.errors.taken) : a.errors.invalid,
    texts: s.form,
  });
}
