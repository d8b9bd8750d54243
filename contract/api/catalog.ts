import { z } from 'zod';
import { ECertificateTypeSchema, OneThingSchema } from '../catalog/schema';
import { event, method } from './define';

/** Where the catalog in use comes from: built into this version, or a verified update from the platform. */
export const CatalogSourceSchema = z.enum(['built-in', 'platform']);

export const ActiveCatalogSchema = z.object({
  /** Sent with every application as `catalogVersion`. */
  version: z.string(),
  source: CatalogSourceSchema,
  oneThings: z.array(OneThingSchema),
  eCertificates: z.array(ECertificateTypeSchema),
});
export type ActiveCatalogView = z.infer<typeof ActiveCatalogSchema>;

export const catalogMethods = {
  'catalog.current': method({
    doc: 'The 一件事 catalog in use (built-in or a verified platform update): what the home screen, guides and journeys show.',
    input: z.object({}).strict(),
    output: ActiveCatalogSchema,
  }),
} as const;

export const catalogEvents = {
  'catalog.changed': event({
    doc: 'A verified catalog update was taken between residents; the UI fetches catalog.current again.',
    payload: z.object({ version: z.string(), source: CatalogSourceSchema }),
    sticky: true,
  }),
} as const;
