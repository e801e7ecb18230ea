/** An `account` row as the Dataverse Web API returns it (no annotations). */
export interface DataverseAccount {
  accountid: string;
  name: string | null;
  accountnumber: string | null;
  address1_line1: string | null;
  address1_line2: string | null;
  address1_line3: string | null;
  address1_city: string | null;
  address1_stateorprovince: string | null;
  address1_postalcode: string | null;
  address1_country: string | null;
  address1_county: string | null;
  address1_freighttermscode: number | null;
  address1_shippingmethodcode: number | null;
  address2_line1: string | null;
  address2_line2: string | null;
  address2_line3: string | null;
  address2_city: string | null;
  address2_stateorprovince: string | null;
  address2_postalcode: string | null;
  address2_country: string | null;
  address2_county: string | null;
  telephone1: string | null;
  fax: string | null;
  emailaddress1: string | null;
  websiteurl: string | null;
  description: string | null;
  numberofemployees: number | null;
  creditlimit: number | null;
  creditonhold: boolean;
  paymenttermscode: number | null;
  customertypecode: number | null;
  _transactioncurrencyid_value: string | null;
  statecode: number;
  createdon: string;
  modifiedon: string;
  versionnumber: number;
}

export type AccountColumn = keyof DataverseAccount;
