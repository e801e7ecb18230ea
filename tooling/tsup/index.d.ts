import type { Options } from 'tsup';
export declare function p2cTsup(options?: Options): Options | Options[];
