// Colours for the text reports, passed in by the caller (the CLI gives picocolors; the library never decides).

/** Colour functions (identity when colour is off); the CLI passes picocolors. */
export interface TextStyle {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** No colour at all. */
export const plainStyle: TextStyle = { green: (t) => t, red: (t) => t, yellow: (t) => t, dim: (t) => t, bold: (t) => t };
