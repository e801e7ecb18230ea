import type { TableColumn } from '../TableDefinition.js';
import { flag, text } from './columns.js';

/**
 * The ship-to address columns a quote and each of its quote products carry (the Dataverse
 * `quote` and `quotedetail` references): free text, the country too (`United States`).
 */
export function quoteShipToColumns(): Record<string, TableColumn> {
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
