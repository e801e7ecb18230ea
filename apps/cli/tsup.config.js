import { p2cTsup } from '@p2c/tsup-config';

// main.ts is the `p2c` binary; its `#!/usr/bin/env node` line is kept by esbuild, so only
// dist/main.js carries the shebang (a banner would put it on the library entry too).
export default p2cTsup({ entry: ['src/index.ts', 'src/main.ts'] });
