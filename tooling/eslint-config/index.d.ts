import type { Linter } from 'eslint';
export declare function p2cEslint(root: string, options?: { untypedFiles?: string[] }): Linter.Config[];
