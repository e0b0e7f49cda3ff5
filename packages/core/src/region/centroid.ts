import type { RegionCode } from "../visit";
import type { LatLon } from "./distance";

/**
 * Rough geographic centres, good to a few tens of kilometres: enough to tell a caller in a
 * neighbouring state from one across the continent, not for anything finer.
 */
const CENTROIDS: Readonly<Record<string, readonly [lat: number, lon: number]>> = {
  "US-AL": [32.8, -86.8],
  "US-AK": [64.0, -152.0],
  "US-AZ": [34.3, -111.7],
  "US-AR": [34.9, -92.4],
  "US-CA": [37.2, -119.4],
  "US-CO": [39.0, -105.5],
  "US-CT": [41.6, -72.7],
  "US-DE": [39.0, -75.5],
  "US-DC": [38.9, -77.0],
  "US-FL": [28.6, -82.4],
  "US-GA": [32.7, -83.4],
  "US-HI": [20.8, -156.3],
  "US-ID": [44.4, -114.6],
  "US-IL": [40.0, -89.2],
  "US-IN": [39.9, -86.3],
  "US-IA": [42.1, -93.5],
  "US-KS": [38.5, -98.4],
  "US-KY": [37.5, -85.3],
  "US-LA": [31.1, -92.0],
  "US-ME": [45.4, -69.2],
  "US-MD": [39.0, -76.8],
  "US-MA": [42.3, -71.8],
  "US-MI": [44.3, -85.4],
  "US-MN": [46.3, -94.3],
  "US-MS": [32.7, -89.7],
  "US-MO": [38.4, -92.5],
  "US-MT": [47.0, -109.6],
  "US-NE": [41.5, -99.8],
  "US-NV": [39.3, -116.6],
  "US-NH": [43.7, -71.6],
  "US-NJ": [40.2, -74.7],
  "US-NM": [34.4, -106.1],
  "US-NY": [42.9, -75.5],
  "US-NC": [35.6, -79.4],
  "US-ND": [47.5, -100.5],
  "US-OH": [40.3, -82.8],
  "US-OK": [35.6, -97.5],
  "US-OR": [43.9, -120.6],
  "US-PA": [40.9, -77.8],
  "US-RI": [41.7, -71.5],
  "US-SC": [33.9, -80.9],
  "US-SD": [44.4, -100.2],
  "US-TN": [35.9, -86.4],
  "US-TX": [31.5, -99.3],
  "US-UT": [39.3, -111.7],
  "US-VT": [44.1, -72.7],
  "US-VA": [37.5, -78.9],
  "US-WA": [47.4, -120.5],
  "US-WV": [38.6, -80.6],
  "US-WI": [44.6, -89.9],
  "US-WY": [43.0, -107.6],
  "US-AS": [-14.3, -170.7],
  "US-GU": [13.4, 144.8],
  "US-MP": [15.2, 145.7],
  "US-PR": [18.2, -66.5],
  "US-VI": [18.3, -64.8],
  "CA-AB": [55.0, -115.0],
  "CA-BC": [53.7, -127.6],
  "CA-MB": [55.0, -97.5],
  "CA-NB": [46.5, -66.2],
  "CA-NL": [53.1, -60.0],
  "CA-NS": [45.0, -63.0],
  "CA-NT": [64.8, -119.0],
  "CA-NU": [70.3, -83.1],
  "CA-ON": [50.0, -85.3],
  "CA-PE": [46.4, -63.2],
  "CA-QC": [52.0, -72.0],
  "CA-SK": [54.0, -106.0],
  "CA-YT": [63.6, -135.8],
};

/**
 * Approximate centre of a US state or territory, or a Canadian province or territory.
 *
 * @example regionCentroid("US-CO") // { lat: 39, lon: -105.5 }
 */
export function regionCentroid(region: RegionCode): LatLon | null {
  const point = CENTROIDS[region.toUpperCase()];
  return point === undefined ? null : { lat: point[0], lon: point[1] };
}
