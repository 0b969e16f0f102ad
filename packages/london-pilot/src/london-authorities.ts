// The 33 London local authorities: the Department for Education / ONS GSS code list as used in
// DfE published statistics (GSS code, DfE local-authority code, Inner/Outer London, London Plan
// 2011 sub-region). One copy: the pilot seed and the bench's national data set both read it from here.

export type InnerOuter = "Inner" | "Outer";
export type Subregion = "Central" | "East" | "North" | "South" | "West";

export interface LondonAuthority {
  readonly gssCode: string;
  readonly dfeLaCode: number;
  readonly name: string;
  readonly innerOuter: InnerOuter;
  readonly subregion: Subregion;
}

export const londonAuthorities: readonly LondonAuthority[] = [
  { gssCode: "E09000001", dfeLaCode: 201, name: "City of London", innerOuter: "Inner", subregion: "Central" },
  { gssCode: "E09000002", dfeLaCode: 301, name: "Barking and Dagenham", innerOuter: "Outer", subregion: "East" },
  { gssCode: "E09000003", dfeLaCode: 302, name: "Barnet", innerOuter: "Outer", subregion: "North" },
  { gssCode: "E09000004", dfeLaCode: 303, name: "Bexley", innerOuter: "Outer", subregion: "East" },
  { gssCode: "E09000005", dfeLaCode: 304, name: "Brent", innerOuter: "Outer", subregion: "West" },
  { gssCode: "E09000006", dfeLaCode: 305, name: "Bromley", innerOuter: "Outer", subregion: "South" },
  { gssCode: "E09000007", dfeLaCode: 202, name: "Camden", innerOuter: "Inner", subregion: "Central" },
  { gssCode: "E09000008", dfeLaCode: 306, name: "Croydon", innerOuter: "Outer", subregion: "South" },
  { gssCode: "E09000009", dfeLaCode: 307, name: "Ealing", innerOuter: "Outer", subregion: "West" },
  { gssCode: "E09000010", dfeLaCode: 308, name: "Enfield", innerOuter: "Outer", subregion: "North" },
  { gssCode: "E09000011", dfeLaCode: 203, name: "Greenwich", innerOuter: "Outer", subregion: "East" },
  { gssCode: "E09000012", dfeLaCode: 204, name: "Hackney", innerOuter: "Inner", subregion: "East" },
  { gssCode: "E09000013", dfeLaCode: 205, name: "Hammersmith and Fulham", innerOuter: "Inner", subregion: "West" },
  { gssCode: "E09000014", dfeLaCode: 309, name: "Haringey", innerOuter: "Inner", subregion: "North" },
  { gssCode: "E09000015", dfeLaCode: 310, name: "Harrow", innerOuter: "Outer", subregion: "West" },
  { gssCode: "E09000016", dfeLaCode: 311, name: "Havering", innerOuter: "Outer", subregion: "East" },
  { gssCode: "E09000017", dfeLaCode: 312, name: "Hillingdon", innerOuter: "Outer", subregion: "West" },
  { gssCode: "E09000018", dfeLaCode: 313, name: "Hounslow", innerOuter: "Outer", subregion: "West" },
  { gssCode: "E09000019", dfeLaCode: 206, name: "Islington", innerOuter: "Inner", subregion: "Central" },
  { gssCode: "E09000020", dfeLaCode: 207, name: "Kensington and Chelsea", innerOuter: "Inner", subregion: "Central" },
  { gssCode: "E09000021", dfeLaCode: 314, name: "Kingston upon Thames", innerOuter: "Outer", subregion: "South" },
  { gssCode: "E09000022", dfeLaCode: 208, name: "Lambeth", innerOuter: "Inner", subregion: "Central" },
  { gssCode: "E09000023", dfeLaCode: 209, name: "Lewisham", innerOuter: "Inner", subregion: "East" },
  { gssCode: "E09000024", dfeLaCode: 315, name: "Merton", innerOuter: "Outer", subregion: "South" },
  { gssCode: "E09000025", dfeLaCode: 316, name: "Newham", innerOuter: "Inner", subregion: "East" },
  { gssCode: "E09000026", dfeLaCode: 317, name: "Redbridge", innerOuter: "Outer", subregion: "East" },
  { gssCode: "E09000027", dfeLaCode: 318, name: "Richmond upon Thames", innerOuter: "Outer", subregion: "West" },
  { gssCode: "E09000028", dfeLaCode: 210, name: "Southwark", innerOuter: "Inner", subregion: "Central" },
  { gssCode: "E09000029", dfeLaCode: 319, name: "Sutton", innerOuter: "Outer", subregion: "South" },
  { gssCode: "E09000030", dfeLaCode: 211, name: "Tower Hamlets", innerOuter: "Inner", subregion: "East" },
  { gssCode: "E09000031", dfeLaCode: 320, name: "Waltham Forest", innerOuter: "Outer", subregion: "East" },
  { gssCode: "E09000032", dfeLaCode: 212, name: "Wandsworth", innerOuter: "Inner", subregion: "South" },
  { gssCode: "E09000033", dfeLaCode: 213, name: "Westminster", innerOuter: "Inner", subregion: "Central" },
];
