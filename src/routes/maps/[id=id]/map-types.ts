import type { PageData } from './$types';

export type MapHead = PageData['map'];
export type MapPageAccess = PageData['access'];
export type MapAssignment = NonNullable<MapPageAccess['assignment']>;
export type StudentWorkSummary = NonNullable<PageData['work']>;
