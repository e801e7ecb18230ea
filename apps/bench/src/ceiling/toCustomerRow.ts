import type { BenchAccount } from '../dataset/BenchAccount.js';
import { BENCH_COUNTRY_CODES } from '../dataset/generateBenchAccounts.js';

/**
 * The `CustomersV3` create body the accounts template makes of a bench account (its mapping
 * and defaults, only the fields with a value), built directly so that the ceiling run costs the
 * client next to nothing. An account without a number gets a placeholder one: the sync would
 * take one from its number sequence.
 */
export function toCustomerRow(account: BenchAccount, position: number): Record<string, string | number> {
  const country = BENCH_COUNTRY_CODES[account.address1_country] ?? 'USA';
  const row: Record<string, string | number | null> = {
    dataAreaId: 'usmf',
    CustomerAccount: account.accountnumber ?? `ACC-C${String(position).padStart(7, '0')}-NONUM`,
    OrganizationName: account.name,
    PartyType: 'Organization',
    IsExternallyMaintained: 'Yes',
    CustomerGroupId: '10',
    SalesCurrencyCode: account.transactioncurrencyid.isocurrencycode,
    LanguageId: 'en-us',
    SiteId: '1',
    WarehouseId: '13',
    PrimaryContactPhone: account.telephone1,
    PrimaryContactEmail: account.emailaddress1,
    PrimaryContactURL: account.websiteurl,
    OrganizationNumberOfEmployees: account.numberofemployees,
    CreditLimit: account.creditlimit,
  };
  for (const prefix of ['Address', 'DeliveryAddress']) {
    row[`${prefix}Street`] = account.address1_line1;
    row[`${prefix}City`] = account.address1_city;
    row[`${prefix}State`] = account.address1_stateorprovince;
    row[`${prefix}ZipCode`] = account.address1_postalcode;
    row[`${prefix}CountryRegionISOCode`] = country;
  }
  return Object.fromEntries(
    Object.entries(row).filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== ''),
  );
}
