/** OData system query options, plus F&O's `cross-company` and anything else in `extra`. */
export interface QueryOptions {
  select?: string[];
  filter?: string;
  orderby?: string[];
  top?: number;
  skip?: number;
  expand?: string;
  count?: boolean;
  /** F&O: `cross-company=true` reads every legal entity, not just the user's default company. */
  crossCompany?: boolean;
  /** Further parameters, written as given (names and values are encoded). */
  extra?: Record<string, string>;
}
