import type { z } from 'zod';
import { customersV3Entity } from './customersV3.js';

/** The F&O entities whose columns p2c describes, by entity set; others fall back to templates' declared fields. */
export const finopsEntities: Readonly<Record<string, z.ZodObject>> = {
  CustomersV3: customersV3Entity,
};
