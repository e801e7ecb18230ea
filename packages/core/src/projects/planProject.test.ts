import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/thrownBy.js';
import { ConfigError } from '../errors/index.js';
import type { EntityTemplate, Precondition } from '../templates/index.js';
import { planProject } from './planProject.js';

const aTemplate = (id: string, ...preconditions: Precondition[]): EntityTemplate => ({
  id,
  name: id,
  description: '',
  preconditions,
  tasks: [],
});

const accounts = aTemplate('accounts');
const products = aTemplate('products');
const contacts = aTemplate('contacts', 'accounts');
const contactToCustomer = aTemplate('contact-to-customer', 'accounts');
const quotes = aTemplate('quotes', 'products', 'accounts');
const orders = aTemplate('orders', 'products', 'accounts');
const invoices = aTemplate('invoices', 'products', 'accounts', 'contacts', 'orders');
const all = [accounts, products, contacts, contactToCustomer, quotes, orders, invoices];
const registry = { list: () => all };

const ids = (templates: EntityTemplate[]) => templates.map((t) => t.id);

describe('planProject', () => {
  it("keeps the project's order when it already satisfies every precondition", () => {
    expect(ids(planProject(all, registry))).toEqual(ids(all));
  });

  it('moves a template after the preconditions listed later in the project, and nothing else', () => {
    expect(ids(planProject([invoices, contacts, accounts, products, orders], registry))).toEqual([
      'accounts',
      'contacts',
      'products',
      'orders',
      'invoices',
    ]);
    expect(ids(planProject([contacts, products, accounts], registry))).toEqual(['products', 'accounts', 'contacts']);
  });

  it('leaves templates without preconditions between them in the order they were listed', () => {
    expect(ids(planProject([products, accounts], registry))).toEqual(['products', 'accounts']);
    expect(ids(planProject([accounts, products], registry))).toEqual(['accounts', 'products']);
  });

  it('puts a template, where it can, after the templates its tasks find parents in, though they are no precondition', () => {
    const withParents = (template: EntityTemplate, ...parentTasks: string[]): EntityTemplate => ({
      ...template,
      tasks: [
        {
          parents: [{ name: 'customer', sourceField: 'customer', tasks: parentTasks }],
        } as unknown as EntityTemplate['tasks'][number],
      ],
    });
    const quotesOfContacts = withParents(quotes, 'accounts/Accounts', 'contact-to-customer/ContactToCustomer');
    expect(ids(planProject([quotesOfContacts, products, accounts, contactToCustomer], registry))).toEqual([
      'products',
      'accounts',
      'contact-to-customer',
      'quotes',
    ]);
    // A parent template that itself needs this one cannot go first: preconditions win.
    const accountsOfQuotes = withParents(aTemplate('accounts'), 'quotes/QuoteHeader');
    expect(ids(planProject([quotes, products, accountsOfQuotes], registry))).toEqual([
      'products',
      'accounts',
      'quotes',
    ]);
  });

  it('does not add a precondition that is not in the project (it must have completed before)', () => {
    expect(ids(planProject([invoices, orders], registry))).toEqual(['orders', 'invoices']);
    expect(ids(planProject([contacts], registry))).toEqual(['contacts']);
  });

  it('refuses a cycle, naming it', () => {
    const a = aTemplate('a', 'b');
    const b = aTemplate('b', 'c');
    const c = aTemplate('c', 'a');
    const error = thrownBy(() => planProject([a, b, c], { list: () => [a, b, c] }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ code: 'PRECONDITION_CYCLE' });
    expect((error as Error).message).toContain(
      "The preconditions of 'a', 'b', 'c' form a cycle (a needs b needs c needs a)",
    );
  });

  it('refuses a cycle that runs through an installed template outside the project', () => {
    const a = aTemplate('a', 'b');
    const b = aTemplate('b', 'a');
    expect(() => planProject([a], { list: () => [a, b] })).toThrow(/form a cycle \(a needs b needs a\)/);
  });

  it('refuses a template that is its own precondition', () => {
    const selfish = aTemplate('selfish', 'selfish');
    expect(() => planProject([selfish], { list: () => [selfish] })).toThrow(/form a cycle \(selfish needs selfish\)/);
  });

  it('refuses a template listed twice', () => {
    const error = thrownBy(() => planProject([accounts, contacts, accounts], registry));
    expect(error).toMatchObject({
      code: 'PROJECT_DUPLICATE_TEMPLATE',
      message: "Template 'accounts' is listed twice in the project; list it once.",
    });
  });

  it('runs an if-used precondition and each of a one-of precondition first when the project holds them', () => {
    const customers = { anyOf: ['accounts', 'contact-to-customer'], provides: 'customers' };
    const quotesIfUsed = aTemplate(
      'quotes',
      'products',
      { template: 'accounts', ifUsed: true },
      { template: 'contact-to-customer', ifUsed: true },
    );
    const ordersOfCustomers = aTemplate('orders', 'products', customers);
    const c2c = aTemplate('contact-to-customer', { template: 'accounts', ifUsed: true });
    const installed = { list: () => [accounts, products, c2c, quotesIfUsed, ordersOfCustomers] };
    expect(ids(planProject([quotesIfUsed, ordersOfCustomers, c2c, products, accounts], installed))).toEqual([
      'products',
      'accounts',
      'contact-to-customer',
      'quotes',
      'orders',
    ]);
    expect(ids(planProject([ordersOfCustomers, products, c2c], installed))).toEqual([
      'products',
      'contact-to-customer',
      'orders',
    ]);
  });

  it('finds a cycle through an if-used precondition too', () => {
    const a = aTemplate('a', { template: 'b', ifUsed: true });
    const b = aTemplate('b', { anyOf: ['a', 'c'] });
    const error = thrownBy(() => planProject([a, b], { list: () => [a, b] }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('PRECONDITION_CYCLE');
  });
});
