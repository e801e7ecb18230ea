import type { EntityTemplate } from '@p2c/core';
import { z } from 'zod';
import type { ProjectsOptions } from './options.js';

export const PROJECTS_TASK_ID = 'Projects';

/** The Sales columns the task reads. */
export const salesColumns = ['new_code', 'new_name', 'new_description', 'statecode'];

/** The canonical entity between the two legs, as zod: a record that fails it fails alone, saying why. */
export const projectsSchema = z.object({
  Code: z.string().max(20),
  Name: z.string({ error: 'a project needs a name (new_name)' }).max(100),
  Description: z.string().nullable(),
  Organization_OrganizationId: z.string(),
});

/** Projects (Sales to Fin and Ops): Sales `new_projects` rows become F&O `Projects`. */
export function projectsTemplate(options: ProjectsOptions): EntityTemplate {
  return {
    id: 'projects',
    name: 'Projects (Sales to Fin and Ops)',
    description: 'Sales new_projects rows become Projects in Finance and Operations.',
    // Templates to run first: 'accounts' (required), { template: 'accounts', ifUsed: true } (only
    // when the project uses it) or { anyOf: ['accounts', 'contact-to-customer'] } (one of them).
    preconditions: [],
    tasks: [
      {
        id: PROJECTS_TASK_ID,
        source: {
          connector: 'dataverse',
          ref: {
            entity: 'new_projects',
            key: ['new_code'],
            fields: salesColumns,
            // No change tracking on a custom table unless you turn it on: read by modifiedon.
            options: { idField: 'new_projectid', changeTracking: false },
          },
        },
        destination: {
          connector: 'finops',
          ref: {
            entity: 'Projects',
            key: ['dataAreaId', 'ProjectId'],
            fields: ['ProjectId', 'ProjectName', 'Description', 'ProjectGroup'],
          },
        },
        canonical: { name: 'Project', schema: projectsSchema },
        sourceToCanonical: {
          name: 'Sales new_projects > Project',
          fields: [
            { source: 'new_code', target: 'Code' },
            { source: 'new_name', target: 'Name' },
            { source: 'new_description', target: 'Description' },
            { target: 'Organization_OrganizationId', transforms: [{ transformType: 'Default', value: 'ORG001' }] },
          ],
        },
        canonicalToDestination: {
          name: 'Project > F&O Projects',
          fields: [
            // The organization map of the config (ORG001: usmf) names the legal entity.
            {
              source: 'Organization_OrganizationId',
              target: 'dataAreaId',
              transforms: [{ transformType: 'Function', name: 'LegalEntity' }],
            },
            { source: 'Code', target: 'ProjectId' },
            { source: 'Name', target: 'ProjectName', transforms: [{ transformType: 'Truncate', length: 60 }] },
            { source: 'Description', target: 'Description' },
            { target: 'ProjectGroup', transforms: [{ transformType: 'Default', value: options.defaultGroup }] },
          ],
        },
        naturalKey: { sourceField: 'new_code', label: 'project code', rejectDuplicates: true },
        filters: {
          activeOnly: { description: 'only active projects', where: { field: 'statecode', eq: 0 } },
        },
      },
    ],
  };
}
