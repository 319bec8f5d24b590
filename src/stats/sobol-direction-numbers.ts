/**
 * Direction numbers of the Sobol' sequence for its first 40 dimensions, from
 * Joe & Kuo's table `new-joe-kuo-6.21201` (S. Joe and F. Y. Kuo, "Constructing
 * Sobol sequences with better two-dimensional projections", SIAM J. Sci.
 * Comput. 30, 2635–2654, 2008; https://web.maths.unsw.edu.au/~fkuo/sobol/).
 * The same table scipy.stats.qmc.Sobol uses.
 *
 * Dimension 1 is the van der Corput sequence (every m = 1) and is not listed.
 * Entry d − 2 describes dimension d as [s, a, m]: s the degree of the primitive
 * polynomial, a its inner coefficients as bits, m the s initial direction
 * numbers (odd, m_i < 2^i).
 */
export const SOBOL_DIRECTION_NUMBERS: readonly (readonly [s: number, a: number, m: readonly number[]])[] = [
  [1, 0, [1]], // d=2
  [2, 1, [1, 3]], // d=3
  [3, 1, [1, 3, 1]], // d=4
  [3, 2, [1, 1, 1]], // d=5
  [4, 1, [1, 1, 3, 3]], // d=6
  [4, 4, [1, 3, 5, 13]], // d=7
  [5, 2, [1, 1, 5, 5, 17]], // d=8
  [5, 4, [1, 1, 5, 5, 5]], // d=9
  [5, 7, [1, 1, 7, 11, 19]], // d=10
  [5, 11, [1, 1, 5, 1, 1]], // d=11
  [5, 13, [1, 1, 1, 3, 11]], // d=12
  [5, 14, [1, 3, 5, 5, 31]], // d=13
  [6, 1, [1, 3, 3, 9, 7, 49]], // d=14
  [6, 13, [1, 1, 1, 15, 21, 21]], // d=15
  [6, 16, [1, 3, 1, 13, 27, 49]], // d=16
  [6, 19, [1, 1, 1, 15, 7, 5]], // d=17
  [6, 22, [1, 3, 1, 15, 13, 25]], // d=18
  [6, 25, [1, 1, 5, 5, 19, 61]], // d=19
  [7, 1, [1, 3, 7, 11, 23, 15, 103]], // d=20
  [7, 4, [1, 3, 7, 13, 13, 15, 69]], // d=21
  [7, 7, [1, 1, 3, 13, 7, 35, 63]], // d=22
  [7, 8, [1, 3, 5, 9, 1, 25, 53]], // d=23
  [7, 14, [1, 3, 1, 13, 9, 35, 107]], // d=24
  [7, 19, [1, 3, 1, 5, 27, 61, 31]], // d=25
  [7, 21, [1, 1, 5, 11, 19, 41, 61]], // d=26
  [7, 28, [1, 3, 5, 3, 3, 13, 69]], // d=27
  [7, 31, [1, 1, 7, 13, 1, 19, 1]], // d=28
  [7, 32, [1, 3, 7, 5, 13, 19, 59]], // d=29
  [7, 37, [1, 1, 3, 9, 25, 29, 41]], // d=30
  [7, 41, [1, 3, 5, 13, 23, 1, 55]], // d=31
  [7, 42, [1, 3, 7, 3, 13, 59, 17]], // d=32
  [7, 50, [1, 3, 1, 3, 5, 53, 69]], // d=33
  [7, 55, [1, 1, 5, 5, 23, 33, 13]], // d=34
  [7, 56, [1, 1, 7, 7, 1, 61, 123]], // d=35
  [7, 59, [1, 1, 7, 9, 13, 61, 49]], // d=36
  [7, 62, [1, 3, 3, 5, 3, 55, 33]], // d=37
  [8, 14, [1, 3, 1, 15, 31, 13, 49, 245]], // d=38
  [8, 21, [1, 3, 5, 15, 31, 59, 63, 97]], // d=39
  [8, 22, [1, 3, 1, 11, 11, 11, 77, 249]], // d=40
];

/** The most dimensions `sobolSequence` can generate (the table above plus dimension 1). */
export const SOBOL_MAX_DIMENSIONS = SOBOL_DIRECTION_NUMBERS.length + 1;
