/** The project navigator's choices (decision 036), shared by the page's form and the read model. */
export const INDUSTRIES = ["INDUSTRIAL", "COMMERCIAL", "RESIDENTIAL", "INFRASTRUCTURE"] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const SCALES = ["SMALL", "LARGE"] as const;
export type Scale = (typeof SCALES)[number];
