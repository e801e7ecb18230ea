import type { UserConfig } from 'vitest/config';
export declare function p2cVitest(root?: string): UserConfig;
