/** A Sales account as the bench seeds it: the Dataverse columns the accounts template reads. */
export interface BenchAccount {
  accountid: string;
  name: string;
  /** About 5% have none: the sync numbers them and writes the number back to Sales. */
  accountnumber: string | null;
  address1_line1: string;
  address1_city: string;
  address1_stateorprovince: string | null;
  address1_postalcode: string;
  /** Free text as people type it (`United States`, `germany`, `DE`); every value resolves to an ISO code. */
  address1_country: string;
  telephone1: string | null;
  emailaddress1: string | null;
  websiteurl: string | null;
  numberofemployees: number | null;
  creditlimit: number | null;
  /** 1 Net 30, 3 Net 45, 4 Net 60 (read, not mapped: the bench config has no value map). */
  paymenttermscode: number;
  /** The account's currency, named by ISO code (the seed links it). */
  transactioncurrencyid: { isocurrencycode: string };
  statecode: 0;
  customertypecode: 3;
  createdon: string;
  modifiedon: string;
}
