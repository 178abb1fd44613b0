/** Two decimals, with a true minus sign; negative numbers in parentheses inside TeX sums. */
export const fmt2 = (v: number) => (Object.is(Math.round(v * 100), -0) ? 0 : v).toFixed(2).replace('-', '−');
export const tex2 = (v: number) => {
  const s = (Math.abs(v) < 0.005 ? 0 : v).toFixed(2);
  return v < -0.005 ? `(${s})` : s;
};
