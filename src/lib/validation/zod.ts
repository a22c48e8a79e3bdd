import { config, z } from 'zod';

// Before its first parse zod probes for eval with `new Function('')`. The page's CSP forbids
// eval, so in the browser the probe only fails and is reported as a violation: parse jitless
// there. The server keeps zod's compiled parsers, which validate large maps faster.
if (typeof document !== 'undefined') config({ jitless: true });

export { z };
