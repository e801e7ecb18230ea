import { p2cVitest } from '@p2c/vitest-config';

export default p2cVitest(import.meta.dirname);
