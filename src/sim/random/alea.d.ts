declare module 'seedrandom/lib/alea.js' {
  /** The state of an Alea generator. */
  interface AleaState {
    c: number;
    s0: number;
    s1: number;
    s2: number;
  }
  /** The Alea generator of seedrandom: a function returning uniforms on [0, 1). */
  interface AleaPrng {
    (): number;
    state(): AleaState;
  }
  function alea(seed: string, options?: { state: boolean | AleaState }): AleaPrng;
  export default alea;
}
