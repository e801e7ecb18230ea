import type { TableDefinition } from '../TableDefinition.js';
import { ACTIVE_INACTIVE, flag, text } from './columns.js';

/** Contacts (`contact`), keyed by the P2C solution's contact number. */
export const CONTACT_TABLE: TableDefinition = {
  set: 'contacts',
  logical: 'contact',
  changeTracking: true,
  primaryKey: 'contactid',
  primaryName: 'fullname',
  alternateKey: 'msdyn_contactnumber',
  columns: {
    msdyn_contactnumber: text(20),
    firstname: text(50),
    lastname: text(50, true),
    fullname: { kind: 'string', readOnly: true },
    jobtitle: text(100),
    emailaddress1: text(100),
    telephone1: text(50),
    mobilephone: text(50),
    // Role (`accountrolecode`): the contact's role within the company or sales process.
    accountrolecode: { kind: 'picklist', options: { 1: 'Decision Maker', 2: 'Employee', 3: 'Influencer' } },
    address1_line1: text(250),
    address1_line2: text(250),
    address1_line3: text(250),
    address1_city: text(80),
    address1_county: text(50),
    address1_stateorprovince: text(50),
    address1_postalcode: text(20),
    address1_country: text(80),
    msdyn_isactivecustomer: flag(),
  },
  lookups: {
    parentcustomerid: { targets: ['accounts', 'contacts'] },
    transactioncurrencyid: { targets: ['transactioncurrencies'] },
  },
  states: ACTIVE_INACTIVE,
  compute: (row) => ({
    fullname: [row['firstname'], row['lastname']]
      .filter((part) => typeof part === 'string' && part !== '')
      .join(' ')
      .trim(),
  }),
};
