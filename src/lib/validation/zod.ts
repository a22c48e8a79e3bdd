import { config, z } from 'zod';

// Before its first parse zod probes for eval with `new Function('')`. The page's CSP forbids
// eval, so in the browser the probe only fails and is reported as a violation: parse jitless
// there. Today only server code imports zod (map documents are checked by `parseMapDocument`
// without it); this keeps a schema that reaches the browser from breaking the CSP.
if (typeof document !== 'undefined') config({ jitless: true });

export { z };
