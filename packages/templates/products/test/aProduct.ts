/** A `ReleasedDistinctProductsV2` seed row, sellable, in USD, sold by the each. */
export function aProduct(
  productNumber: string,
  overrides: Record<string, string | number> = {},
): Record<string, string | number> {
  return {
    dataAreaId: 'usmf',
    ProductNumber: productNumber,
    ItemNumber: productNumber,
    ProductName: `Product ${productNumber}`,
    ProductDescription: `The ${productNumber}`,
    ProductSubtype: 'Product',
    SalesUnitSymbol: 'ea',
    SalesPrice: 100,
    SalesCurrencyCode: 'USD',
    ItemModelGroupId: 'FIFO',
    ProductGroupId: 'Audio',
    StorageDimensionGroupName: 'SiteWH',
    TrackingDimensionGroupName: 'None',
    IsSalesStopped: 'No',
    ...overrides,
  };
}

export const USD = '7a3c2f10-5b1e-4c6a-9d0e-000000000840';
export const GBP = '7a3c2f10-5b1e-4c6a-9d0e-000000000826';
