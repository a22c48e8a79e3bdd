/** Longest map title, for forms (maxlength), imports and the server alike. */
export const MAP_TITLE_MAX_LENGTH = 300;
