import { p2cTsup } from '@p2c/tsup-config';

// Two entries: the kit, and `@p2c/testing/matchers` (importing it registers the matchers).
export default p2cTsup({ entry: ['src/index.ts', 'src/matchers.ts'] });
