import type { TemplatePlugin } from '@p2c/core';
import { P2C_TASKS } from '@p2c/prospect-to-cash';
import { accountsPlugin } from '@p2c/template-accounts';
import { contactToCustomerPlugin } from '@p2c/template-contact-to-customer';
import { contactsPlugin } from '@p2c/template-contacts';
import { ordersPlugin } from '@p2c/template-orders';
import { productsPlugin } from '@p2c/template-products';
import { quotesPlugin } from '@p2c/template-quotes';
import { describe, expect, it } from 'vitest';
import { invoicesPlugin } from '../src/index.js';

// Here, not in @p2c/prospect-to-cash: the templates depend on that package, so its own tests
// cannot import them; the invoices template is the last of the chain and may.
const plugins: readonly TemplatePlugin[] = [
  accountsPlugin,
  contactsPlugin,
  contactToCustomerPlugin,
  productsPlugin,
  quotesPlugin,
  ordersPlugin,
  invoicesPlugin,
];
const declared = plugins.flatMap((plugin) =>
  (plugin.templates ?? []).flatMap((template) => template.tasks.map((task) => `${template.id}/${task.id}`)),
);
const exported = Object.values(P2C_TASKS).flatMap((refs) => Object.values(refs) as string[]);

describe('P2C_TASKS', () => {
  it('names only tasks the first-party templates declare', () => {
    expect(exported.filter((ref) => !declared.includes(ref))).toEqual([]);
  });

  it('has a ref for every first-party task, so no parent needs a hand-typed one', () => {
    expect(declared.filter((ref) => !exported.includes(ref))).toEqual([]);
  });

  it('is what every parent of a first-party task points at', () => {
    const parentTasks = plugins.flatMap((plugin) =>
      (plugin.templates ?? []).flatMap((template) =>
        template.tasks.flatMap((task) => (task.parents ?? []).flatMap((parent) => parent.tasks)),
      ),
    );
    expect(parentTasks.length).toBeGreaterThan(0);
    expect(parentTasks.filter((ref) => !exported.includes(ref))).toEqual([]);
  });
});
