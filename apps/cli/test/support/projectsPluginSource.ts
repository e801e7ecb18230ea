/**
 * A whole template plugin in plain ESM JavaScript, as an author outside the monorepo ships it:
 * Sales `new_projects` to F&O `ProjectsV2`. `extra` adds manifest members (options, configure).
 */
export function projectsPluginSource(
  manifest: { name?: string; coreApi?: string; templateId?: string } = {},
  extra = '',
): string {
  return `
const schema = { safeParse: (value) => ({ success: true, data: value }) };
const template = {
  id: ${JSON.stringify(manifest.templateId ?? 'projects')},
  name: 'Projects (Sales to Fin and Ops)',
  description: 'Sales projects become F&O projects.',
  preconditions: ['accounts'],
  tasks: [{
    id: 'Projects',
    source: { connector: 'dataverse', ref: { entity: 'new_projects', key: ['new_code'], fields: ['new_code', 'new_name'], options: { idField: 'new_projectid', changeTracking: false } } },
    destination: { connector: 'finops', ref: { entity: 'ProjectsV2', key: ['dataAreaId', 'ProjectId'], fields: ['ProjectId', 'ProjectName'] } },
    canonical: { name: 'Project', schema },
    sourceToCanonical: { name: 'Sales > Project', fields: [{ source: 'new_code', target: 'Code' }, { source: 'new_name', target: 'Name' }] },
    canonicalToDestination: {
      name: 'Project > F&O',
      fields: [
        { target: 'dataAreaId', transforms: [{ transformType: 'Default', value: 'usmf' }] },
        { source: 'Code', target: 'ProjectId' },
        { source: 'Name', target: 'ProjectName' },
      ],
    },
    naturalKey: { sourceField: 'new_code', label: 'project code', rejectDuplicates: false },
  }],
};
export default {
  name: ${JSON.stringify(manifest.name ?? '@acme/p2c-template-projects')},
  version: '1.2.0',
  coreApi: ${JSON.stringify(manifest.coreApi ?? '^0.2.0')},
  templates: [template],
  ${extra}
};`;
}
