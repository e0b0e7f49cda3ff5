export { regionCentroid } from "./centroid";
export { distanceKm, type LatLon } from "./distance";
export { regionFromSubdivision } from "./from-subdivision";
export {
  CA_PROVINCES,
  type CaProvinceCode,
  type SubdivisionCode,
  subdivisionName,
  US_STATES,
  US_TERRITORIES,
  type UsStateCode,
  type UsTerritoryCode,
} from "./subdivisions";
