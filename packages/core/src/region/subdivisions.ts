/**
 * ISO 3166-2 subdivisions of the two countries whose callers Ringtrail places by area code.
 * Keys are the full codes so a lookup result can be used as a RegionCode directly.
 */

/** The 50 states and the District of Columbia. */
export const US_STATES = {
  "US-AL": "Alabama",
  "US-AK": "Alaska",
  "US-AZ": "Arizona",
  "US-AR": "Arkansas",
  "US-CA": "California",
  "US-CO": "Colorado",
  "US-CT": "Connecticut",
  "US-DE": "Delaware",
  "US-DC": "District of Columbia",
  "US-FL": "Florida",
  "US-GA": "Georgia",
  "US-HI": "Hawaii",
  "US-ID": "Idaho",
  "US-IL": "Illinois",
  "US-IN": "Indiana",
  "US-IA": "Iowa",
  "US-KS": "Kansas",
  "US-KY": "Kentucky",
  "US-LA": "Louisiana",
  "US-ME": "Maine",
  "US-MD": "Maryland",
  "US-MA": "Massachusetts",
  "US-MI": "Michigan",
  "US-MN": "Minnesota",
  "US-MS": "Mississippi",
  "US-MO": "Missouri",
  "US-MT": "Montana",
  "US-NE": "Nebraska",
  "US-NV": "Nevada",
  "US-NH": "New Hampshire",
  "US-NJ": "New Jersey",
  "US-NM": "New Mexico",
  "US-NY": "New York",
  "US-NC": "North Carolina",
  "US-ND": "North Dakota",
  "US-OH": "Ohio",
  "US-OK": "Oklahoma",
  "US-OR": "Oregon",
  "US-PA": "Pennsylvania",
  "US-RI": "Rhode Island",
  "US-SC": "South Carolina",
  "US-SD": "South Dakota",
  "US-TN": "Tennessee",
  "US-TX": "Texas",
  "US-UT": "Utah",
  "US-VT": "Vermont",
  "US-VA": "Virginia",
  "US-WA": "Washington",
  "US-WV": "West Virginia",
  "US-WI": "Wisconsin",
  "US-WY": "Wyoming",
} as const;
export type UsStateCode = keyof typeof US_STATES;

/**
 * Outlying areas. ISO also gives each its own country code (PR, GU, …), which is what geo-IP
 * databases and libphonenumber report; Ringtrail folds them into "US-XX" so a caller and a
 * visitor from Puerto Rico land in the same region whichever source named it.
 */
export const US_TERRITORIES = {
  "US-AS": "American Samoa",
  "US-GU": "Guam",
  "US-MP": "Northern Mariana Islands",
  "US-PR": "Puerto Rico",
  "US-UM": "United States Minor Outlying Islands",
  "US-VI": "U.S. Virgin Islands",
} as const;
export type UsTerritoryCode = keyof typeof US_TERRITORIES;

/** The 10 provinces and 3 territories. */
export const CA_PROVINCES = {
  "CA-AB": "Alberta",
  "CA-BC": "British Columbia",
  "CA-MB": "Manitoba",
  "CA-NB": "New Brunswick",
  "CA-NL": "Newfoundland and Labrador",
  "CA-NS": "Nova Scotia",
  "CA-NT": "Northwest Territories",
  "CA-NU": "Nunavut",
  "CA-ON": "Ontario",
  "CA-PE": "Prince Edward Island",
  "CA-QC": "Quebec",
  "CA-SK": "Saskatchewan",
  "CA-YT": "Yukon",
} as const;
export type CaProvinceCode = keyof typeof CA_PROVINCES;

export type SubdivisionCode = UsStateCode | UsTerritoryCode | CaProvinceCode;

const NAMES: Readonly<Record<string, string>> = {
  ...US_STATES,
  ...US_TERRITORIES,
  ...CA_PROVINCES,
};

/** The English name of a subdivision code: "US-CA" -> "California"; null if not one of ours. */
export function subdivisionName(code: string): string | null {
  return NAMES[code.toUpperCase()] ?? null;
}
