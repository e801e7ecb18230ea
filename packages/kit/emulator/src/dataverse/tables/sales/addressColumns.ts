import type { TableColumn } from '../TableDefinition.js';
import { flag, text } from './columns.js';

/**
 * The ship-to address columns quotes, orders and their lines carry (the Dataverse `quote`,
 * `quotedetail`, `salesorder` and `salesorderdetail` references): free text, the country too
 * (`United States`).
 */
export function shipToColumns(): Record<string, TableColumn> {
  return {
    shipto_name: text(200),
    shipto_line1: text(250),
    shipto_line2: text(250),
    shipto_line3: text(250),
    shipto_city: text(80),
    shipto_stateorprovince: text(50),
    shipto_postalcode: text(20),
    shipto_country: text(80),
    shipto_contactname: text(150),
    shipto_telephone: text(50),
    shipto_fax: text(50),
    shipto_freighttermscode: { kind: 'picklist', options: { 1: 'FOB', 2: 'No Charge' } },
    // Ship To: Address (false) or Will Call.
    willcall: flag(),
  };
}

/** The bill-to address columns of orders and invoices (the `salesorder` and `invoice` references): free text. */
export function billToColumns(): Record<string, TableColumn> {
  return {
    billto_name: text(200),
    billto_line1: text(250),
    billto_line2: text(250),
    billto_line3: text(250),
    billto_city: text(80),
    billto_stateorprovince: text(50),
    billto_postalcode: text(20),
    billto_country: text(80),
  };
}
