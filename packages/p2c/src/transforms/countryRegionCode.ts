import { RecordError, isBlank, type NamedTransform } from '@p2c/core';
import { createRequire } from 'node:module';
import countries, { type LocaleData } from 'i18n-iso-countries';

// Country names as people type them in Sales, in the languages of the regions p2c serves first.
const LANGUAGES = ['en', 'de', 'fr', 'es', 'nl', 'da'] as const;
// Loaded with require: bundlers drop JSON import attributes, which Node's ESM loader demands.
const require = createRequire(import.meta.url);
for (const language of LANGUAGES) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`) as LocaleData);
}

/** Free-text country (`United States`, `germany`, `DE`, `DEU`) to ISO 3166 alpha-3, or null. */
export function toAlpha3(text: string): string | null {
  const value = text.trim();
  if (/^[A-Za-z]{2,3}$/.test(value)) {
    const code = countries.toAlpha3(value.toUpperCase());
    if (code) return code;
  }
  for (const language of LANGUAGES) {
    const code = countries.getAlpha3Code(value, language);
    if (code) return code;
  }
  return null;
}

/**
 * The Country region code transform: Sales keeps the country as free text, F&O wants an ISO
 * 3166 alpha-3 code. A blank country stays blank (the field's default applies after it); one
 * it cannot resolve fails the record, naming the value.
 */
export const countryRegionCode: NamedTransform = (value, { field }) => {
  if (isBlank(value)) return null;
  const code = toAlpha3(String(value));
  if (code === null) {
    throw new RecordError(`${field}: cannot resolve the country '${String(value)}' to an ISO 3166 code`, {
      code: 'UNKNOWN_COUNTRY',
      field,
      value: String(value),
    });
  }
  return code;
};

/**
 * F&O country/region id (ISO 3166 alpha-3, as F&O ships them: `USA`) -> the country as Sales
 * shows it (`United States of America`): the default of the orders' and invoices' country value
 * maps, which Microsoft's templates ship "with a number of countries mapped". A configured value
 * map replaces it whole. Each name resolves back to its code through `toAlpha3`.
 */
export const DEFAULT_COUNTRY_NAME_MAP: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    Object.keys(countries.getAlpha3Codes())
      .sort()
      .map((alpha3) => [alpha3, countries.getName(alpha3, 'en') ?? alpha3]),
  ),
);
