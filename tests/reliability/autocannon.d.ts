// The part of autocannon's API the load test uses (the package ships no types).
declare module 'autocannon' {
	namespace autocannon {
		interface Request {
			method?: string;
			path?: string;
			headers?: Record<string, string>;
			body?: string;
			setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
			onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
		}
		interface Options {
			url: string;
			connections?: number;
			/** Requests per second on each connection. */
			connectionRate?: number;
			duration?: number;
			timeout?: number;
			method?: string;
			headers?: Record<string, string>;
			body?: string;
			requests?: Request[];
		}
		interface Histogram {
			average: number;
			p50: number;
			p99: number;
			max: number;
			total: number;
		}
		interface Result {
			requests: Histogram;
			latency: Histogram;
			errors: number;
			timeouts: number;
			non2xx: number;
			statusCodeStats: Record<string, { count: number }>;
		}
	}
	interface Run extends PromiseLike<autocannon.Result> {
		on(event: 'reqError', listener: (error: Error) => void): Run;
	}
	function autocannon(options: autocannon.Options): Run;
	export default autocannon;
}
