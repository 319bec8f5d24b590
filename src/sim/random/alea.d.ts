declare module 'seedrandom/lib/alea.js' {
  /** The Alea generator of seedrandom: a function returning uniforms on [0, 1). */
  function alea(seed: string): () => number;
  export default alea;
}
