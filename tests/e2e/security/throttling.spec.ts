import { expect, test } from '@playwright/test';
import { newAccount } from '../fixtures';
import { postForm, signUpByRequest } from './http';

/**
 * What tests/e2e/throttle.spec.ts (log-in and sign-up limits, spoofed X-Forwarded-For) and
 * tests/e2e/classes.spec.ts (join codes) do not cover: that a probe for account names learns
 * nothing, neither from the answer nor from how long it takes.
 */

async function timedLogin(username: string, password: string) {
	const started = performance.now();
	const response = await postForm('/login', { username, password });
	return { ...response, ms: performance.now() - started };
}

type Answer = Awaited<ReturnType<typeof timedLogin>>;

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

test('an unknown user and a wrong password get the same answer', async () => {
	const { account } = await signUpByRequest();
	const unknown = newAccount().username;
	// Few attempts: the whole suite logs in from one address, which has a limit of its own.
	const wrong: Answer[] = [];
	const missing: Answer[] = [];
	for (let attempt = 0; attempt < 3; attempt++) {
		wrong.push(await timedLogin(account.username, `not the password ${attempt}`));
		missing.push(await timedLogin(unknown, `not the password ${attempt}`));
	}
	for (const answer of [...wrong, ...missing]) {
		expect(answer.status).toBe(400);
		expect(answer.headers['set-cookie'] ?? '').not.toContain('argumap_session=');
	}
	const page = (answer: Answer, name: string) =>
		answer.body.replaceAll(name, 'NAME').replace(/nonce="[^"]*"/g, 'nonce');
	expect(page(missing[0]!, unknown)).toBe(page(wrong[0]!, account.username));
	// argon2 runs for the unknown name too, against a decoy hash: tests/integration/login-work.spec.ts
	// counts the checks. Times on a shared machine prove nothing, so they are only printed here.
	console.log(
		`[figure] log-in answer: wrong password ${median(wrong.map((a) => a.ms)).toFixed(0)} ms, ` +
			`unknown user ${median(missing.map((a) => a.ms)).toFixed(0)} ms (medians of 3)`
	);
});
