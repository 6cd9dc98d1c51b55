/**
 * What the portal's and the admin's pages (Indonesian) say when a form post cannot be used at all:
 * larger than any form of the page (413), or not a form (400). See `readForm` in lib/http.ts.
 */
import { id } from './id.ts';

export const FORM_TOO_LARGE = id.form.tooLarge;
export const FORM_UNREADABLE = id.form.unreadable;
