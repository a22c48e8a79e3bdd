import type { ParamMatcher } from '@sveltejs/kit';

/** Our ids are lower-case base32; anything else is not worth a database query. */
export const match: ParamMatcher = (param) => /^[a-z2-7]{8,64}$/.test(param);
