// The map's data, drawn for this game: a coarse outline of the Soviet Union (about fifty points of
// longitude and latitude, traced by hand around the coasts and borders as of 1953-64), the
// republics' capitals, and the places the scenarios name (trips, the regions of named Central
// Committee members), projected onto a flat map with the parallels shortened as at 55 degrees north.

export interface Place {
  name: string;
  lon: number;
  lat: number;
  /** Inside the Union (a republic's capital, a region) or abroad. */
  abroad: boolean;
}

/** The outline, clockwise from the Norwegian border in the far north-west. */
export const outline: [number, number][] = [
  [30.8, 69.8], [33.1, 69.3], [36.5, 69.1], [41.2, 67.3], [44.1, 66.4], [40.5, 64.6], [43.5, 68.6], [53.0, 68.4], [60.0, 69.9],
  [66.0, 69.5], [68.5, 72.8], [72.5, 72.9], [80.0, 73.6], [88.0, 75.2], [97.0, 76.5], [104.3, 77.7], [112.0, 74.2],
  [120.0, 73.0], [128.5, 73.0], [140.0, 72.4], [150.0, 71.5], [160.0, 70.0], [170.0, 69.8], [179.5, 68.9], [179.5, 65.0],
  [177.0, 62.5], [172.5, 60.6], [164.0, 60.0], [163.2, 58.0], [162.0, 56.0], [160.0, 54.0], [158.0, 51.0], [156.5, 51.5],
  [156.0, 57.0], [151.0, 59.5], [143.0, 59.3], [140.5, 56.5], [141.2, 53.0], [140.5, 48.5], [138.0, 45.0], [133.0, 42.8],
  [130.7, 42.5], [131.2, 45.0], [134.5, 48.4], [130.5, 48.9], [127.5, 50.0], [123.0, 53.5], [119.5, 52.5], [117.5, 49.8],
  [114.5, 49.8], [111.0, 49.4], [106.0, 50.3], [98.0, 52.0], [90.0, 50.5], [87.0, 49.2], [83.0, 47.0], [80.2, 45.0],
  [80.0, 42.5], [75.0, 40.5], [73.5, 39.5], [71.0, 36.8], [67.5, 37.2], [62.0, 35.3], [61.0, 36.5], [54.0, 37.3],
  [53.5, 39.5], [49.0, 38.4], [46.0, 38.9], [44.8, 39.7], [43.5, 41.0], [41.5, 41.5], [39.7, 43.5], [37.5, 44.7],
  [36.5, 45.3], [33.5, 44.5], [32.5, 45.4], [30.7, 46.5], [28.2, 45.5], [26.6, 48.2], [22.6, 48.2], [24.0, 50.4],
  [23.5, 52.0], [23.9, 53.9], [22.8, 54.4], [19.8, 54.4], [21.0, 55.3], [21.0, 56.8], [22.0, 57.6], [24.0, 57.1],
  [23.5, 59.2], [28.0, 59.5], [30.3, 59.9], [28.7, 60.7], [29.5, 61.5], [31.5, 62.9], [29.8, 64.5], [30.0, 67.0],
  [28.8, 68.1], [28.5, 69.0],
];

export const capitals: Place[] = [
  { name: "Moscow", lon: 37.6, lat: 55.75, abroad: false },
  { name: "Kiev", lon: 30.5, lat: 50.45, abroad: false },
  { name: "Minsk", lon: 27.55, lat: 53.9, abroad: false },
  { name: "Vilnius", lon: 25.3, lat: 54.7, abroad: false },
  { name: "Riga", lon: 24.1, lat: 56.95, abroad: false },
  { name: "Tallinn", lon: 24.75, lat: 59.44, abroad: false },
  { name: "Kishinev", lon: 28.85, lat: 47.0, abroad: false },
  { name: "Tbilisi", lon: 44.8, lat: 41.7, abroad: false },
  { name: "Yerevan", lon: 44.5, lat: 40.2, abroad: false },
  { name: "Baku", lon: 49.9, lat: 40.4, abroad: false },
  { name: "Ashkhabad", lon: 58.4, lat: 37.95, abroad: false },
  { name: "Tashkent", lon: 69.2, lat: 41.3, abroad: false },
  { name: "Stalinabad (Dushanbe)", lon: 68.8, lat: 38.55, abroad: false },
  { name: "Frunze", lon: 74.6, lat: 42.9, abroad: false },
  { name: "Alma-Ata", lon: 76.9, lat: 43.25, abroad: false },
];

/** Places the scenarios name, matched by a word in the text. */
const gazetteer: [RegExp, Place][] = [
  [/pitsunda|abkhazia/i, { name: "Pitsunda", lon: 40.3, lat: 43.15, abroad: false }],
  [/crimea|black sea/i, { name: "Crimea", lon: 34.1, lat: 44.6, abroad: false }],
  [/leningrad/i, { name: "Leningrad", lon: 30.3, lat: 59.95, abroad: false }],
  [/gorky/i, { name: "Gorky", lon: 44.0, lat: 56.3, abroad: false }],
  [/saratov/i, { name: "Saratov", lon: 46.0, lat: 51.5, abroad: false }],
  [/rostov/i, { name: "Rostov", lon: 39.7, lat: 47.2, abroad: false }],
  [/krasnodar/i, { name: "Krasnodar", lon: 39.0, lat: 45.0, abroad: false }],
  [/vladivostok|primorsk|far east/i, { name: "Vladivostok", lon: 131.9, lat: 43.1, abroad: false }],
  [/virgin lands|kazakhstan|tselinograd/i, { name: "Tselinograd", lon: 71.4, lat: 51.2, abroad: false }],
  [/siberia|novosibirsk/i, { name: "Novosibirsk", lon: 82.9, lat: 55.0, abroad: false }],
  [/missile|baikonur|test range/i, { name: "Baikonur", lon: 63.3, lat: 45.6, abroad: false }],
  [/kiev|ukraine/i, { name: "Kiev", lon: 30.5, lat: 50.45, abroad: false }],
  [/minsk|belorussia/i, { name: "Minsk", lon: 27.55, lat: 53.9, abroad: false }],
  [/moscow/i, { name: "Moscow", lon: 37.6, lat: 55.75, abroad: false }],
  [/beijing|peking|china/i, { name: "Beijing", lon: 116.4, lat: 39.9, abroad: true }],
  [/belgrade|yugoslavia/i, { name: "Belgrade", lon: 20.5, lat: 44.8, abroad: true }],
  [/denmark|sweden|norway|scandinavia/i, { name: "Scandinavia", lon: 15.0, lat: 59.3, abroad: true }],
  [/egypt|aswan|cairo/i, { name: "Egypt", lon: 31.2, lat: 30.0, abroad: true }],
  [/finland|helsinki/i, { name: "Helsinki", lon: 24.9, lat: 60.2, abroad: true }],
  [/geneva/i, { name: "Geneva", lon: 6.1, lat: 46.2, abroad: true }],
  [/hungary|budapest/i, { name: "Budapest", lon: 19.0, lat: 47.5, abroad: true }],
  [/india|delhi|burma|afghanistan/i, { name: "Delhi", lon: 77.2, lat: 28.6, abroad: true }],
  [/poland|warsaw/i, { name: "Warsaw", lon: 21.0, lat: 52.2, abroad: true }],
];

/** The place a text names, if the map knows it. */
export function placeOf(text: string): Place | null {
  for (const [pattern, place] of gazetteer) if (pattern.test(text)) return place;
  return null;
}

export const MAP = { lonMin: 3, lonMax: 181, latMin: 24, latMax: 78.5, width: 1000 };
const COS = Math.cos((55 * Math.PI) / 180);
const X_SCALE = MAP.width / (MAP.lonMax - MAP.lonMin);
const Y_SCALE = X_SCALE / COS / 1.25;
export const MAP_HEIGHT = Math.round((MAP.latMax - MAP.latMin) * Y_SCALE);

export function project(lon: number, lat: number): [number, number] {
  return [Math.round((lon - MAP.lonMin) * X_SCALE * 10) / 10, Math.round((MAP.latMax - lat) * Y_SCALE * 10) / 10];
}

export function outlinePath(): string {
  return outline.map(([lon, lat], i) => `${i ? "L" : "M"}${project(lon, lat).join(" ")}`).join(" ") + " Z";
}
