/** Formats a signed change with one decimal ("+2.3", "−1.0", "0.0"). */
export const formatDelta = (delta: number) => (delta > 0 ? `+${delta.toFixed(1)}` : delta < 0 ? `−${Math.abs(delta).toFixed(1)}` : '0.0');

/** Formats a share of time given in hundredths of a percent as a whole percent for reading ("about 5%"); exact figures stay in the form. */
export const formatWholeShare = (hundredths: number) => `${hundredths > 0 && hundredths < 50 ? '<1' : Math.round(hundredths / 100)}%`;
