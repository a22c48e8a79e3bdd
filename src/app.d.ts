import type { ActiveSession, SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: ActiveSession | null;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
