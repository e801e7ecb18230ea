import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EntityTemplate, TaskDefinition } from '../EntityTemplate.js';
import { taskRef } from '../TaskRef.js';
import { TemplateRegistry } from '../TemplateRegistry.js';

const task: TaskDefinition = {
  id: 'Accounts',
  source: { connector: 'dataverse', ref: { entity: 'accounts', key: ['accountnumber'], fields: ['name'] } },
  destination: { connector: 'finops', ref: { entity: 'CustomersV3', key: ['CustomerAccount'], fields: [] } },
  canonical: { name: 'Account', schema: z.strictObject({ AccountNumber: z.string(), Name: z.string() }) },
  sourceToCanonical: {
    name: 'Sales > CDS',
    fields: [
      { source: 'accountnumber', target: 'AccountNumber' },
      { source: 'name', target: 'Name' },
    ],
  },
  canonicalToDestination: {
    name: 'CDS > F&O',
    fields: [
      { source: 'AccountNumber', target: 'CustomerAccount' },
      { target: 'CustomerGroupId', transforms: [{ transformType: 'Default', value: '10' }] },
    ],
  },
  naturalKey: { sourceField: 'accountnumber', label: 'account number', rejectDuplicates: false },
};
const finops = z.strictObject({ CustomerAccount: z.string(), CustomerGroupId: z.string() });
const describeEntity = (connector: string, entity: string) =>
  connector === 'finops' && entity === 'CustomersV3' ? finops : undefined;

function plugin(changed: Partial<TaskDefinition>, templateId = 'accounts') {
  const template: EntityTemplate = {
    id: templateId,
    name: templateId,
    description: '',
    preconditions: [],
    tasks: [{ ...task, ...changed }],
  };
  return { name: `@acme/${templateId}`, version: '1.0.0', coreApi: '^0.2.0', templates: [template] };
}

function refusal(changed: Partial<TaskDefinition>): string {
  try {
    new TemplateRegistry({ describeEntity }).register(plugin(changed));
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
}

describe('task checks at load', () => {
  it('accepts a task whose declarations hold', () => {
    expect(refusal({})).toBe('accepted');
  });

  it('refuses a mapping target the canonical entity does not have', () => {
    expect(refusal({ sourceToCanonical: { name: 'Sales > CDS', fields: [{ source: 'name', target: 'Nmae' }] } })).toBe(
      "Template 'accounts', task 'Accounts': Nmae: Sales > CDS maps to 'Nmae', which is not a field of the canonical entity Account. Did you mean 'Name'?",
    );
  });

  it('refuses a source field the entity does not declare', () => {
    expect(
      refusal({ sourceToCanonical: { name: 'Sales > CDS', fields: [{ source: 'nmae', target: 'Name' }] } }),
    ).toContain("Name: Sales > CDS reads 'nmae', which is not a field of the declared fields of accounts.");
  });

  it('refuses a transform nothing provides', () => {
    expect(
      refusal({
        sourceToCanonical: {
          name: 'Sales > CDS',
          fields: [{ source: 'name', target: 'Name', transforms: [{ transformType: 'Function', name: 'Upper' }] }],
        },
      }),
    ).toBe(
      "Template 'accounts', task 'Accounts': Name: Sales > CDS uses transform 'Upper', which nothing provides; provided: LegalEntity",
    );
  });

  it('refuses a filter on a misspelt field', () => {
    expect(refusal({ filters: { named: { description: 'named', where: { field: 'Nmae', eq: 'x' } } } })).toContain(
      "filters.named.Nmae: the filter reads 'Nmae', which is not a field of the declared fields of accounts.",
    );
  });

  it('refuses a number default where the destination wants text, suggesting quotes', () => {
    const registry = new TemplateRegistry({ describeEntity });
    registry.register(plugin({}));
    expect(() =>
      registry.checkOverrides(
        'accounts',
        'Accounts',
        { defaults: { CustomerGroupId: 10 } },
        'p2c.config.yaml: templates.accounts.tasks.Accounts',
      ),
    ).toThrow(
      "p2c.config.yaml: templates.accounts.tasks.Accounts.defaults.CustomerGroupId: the default 10 is a number; the field wants a string. Quote it: '10'.",
    );
  });

  it('refuses a value map whose output has the wrong type', () => {
    const registry = new TemplateRegistry({ describeEntity });
    registry.register(plugin({}));
    expect(() =>
      registry.checkOverrides('accounts', 'Accounts', { valueMaps: { CustomerGroupId: { A: 20 } } }, 'config'),
    ).toThrow("valueMaps.CustomerGroupId.A: the value map's output 20 is a number; the field wants a string.");
  });

  it('refuses a parent that names no registered task, once all plugins are registered', () => {
    const registry = new TemplateRegistry({ describeEntity });
    registry.register(
      plugin({ parents: [{ name: 'customer', sourceField: 'name', tasks: [taskRef('accounts', 'Nope')] }] }),
    );
    expect(() => registry.check()).toThrow(
      "Template 'accounts', task 'Accounts': parents.customer: 'accounts/Nope': template 'accounts' has no task 'Nope'; its tasks: 'Accounts'",
    );
  });
});
