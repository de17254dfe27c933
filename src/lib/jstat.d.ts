// jstat ships no types; only the special functions this project uses are declared.
declare module "jstat" {
  interface JStat {
    /** Regularized lower incomplete gamma P(a, x). */
    lowRegGamma(a: number, x: number): number;
    /** Its inverse in x: the x with P(a, x) = p. */
    gammapinv(p: number, a: number): number;
    /** Regularized incomplete beta I_x(a, b). */
    ibeta(x: number, a: number, b: number): number;
  }
  const jStat: JStat;
  export default jStat;
}
