import { p2cEslint } from '@p2c/eslint-config';

export default p2cEslint(import.meta.dirname);
