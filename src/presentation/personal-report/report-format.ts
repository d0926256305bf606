/** Formats a share of time given in hundredths of a percent as a whole percent for reading ("about 5%"); exact figures stay in the form. */
export const formatWholeShare = (hundredths: number) => `${hundredths > 0 && hundredths < 50 ? '<1' : Math.round(hundredths / 100)}%`;
