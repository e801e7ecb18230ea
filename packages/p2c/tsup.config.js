import { p2cTsup } from '@p2c/tsup-config';

export default p2cTsup();
