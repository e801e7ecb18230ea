/**
 * The made-up company names and streets the demo's and the bench's sample accounts are built
 * from (Microsoft's own sample company names). Both generators pick from these in a fixed order
 * from a seed, so changing a list changes every generated data set.
 */
export const COMPANY_FIRST_WORDS = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Litware',
  'Adventure',
  'Alpine',
  'Coho',
  'Wide World',
  'Proseware',
  'Blue Yonder',
  'Trey',
  'Lucerne',
  'Margie',
  'Woodgrove',
  'Fourth Coffee',
  'Graphic',
  'Humongous',
  'Wingtip',
  'Relecloud',
] as const;
export const COMPANY_SECOND_WORDS = [
  'Traders',
  'Systems',
  'Foods',
  'Airlines',
  'Software',
  'Works',
  'Ski House',
  'Winery',
  'Importers',
  'Consulting',
  'Airways',
  'Research',
  'Publishing',
  'Travel',
  'Bank',
  'Design',
  'Insurance',
  'Toys',
  'Motors',
  'Labs',
] as const;
export const COMPANY_SUFFIXES = ['Inc.', 'Ltd', 'GmbH', 'A/S', 'SARL', 'LLC', 'Corp.', 'Group'] as const;
export const STREET_NAMES = [
  'Main St',
  'Market St',
  'Hauptstraße',
  'Rue de Rivoli',
  'Strøget',
  'King St',
  'Oak Ave',
  'Harbour Rd',
] as const;
