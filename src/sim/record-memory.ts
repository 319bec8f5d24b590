/**
 * Memory for arrays of fixed-size records (citizens, waiting needs) that
 * starts on a cache-line boundary, so that a 32-byte record never straddles
 * two 64-byte lines.
 *
 * Why: a plain `new ArrayBuffer(n)` of some megabytes comes from the C
 * allocator, whose large blocks start 16 bytes past a page boundary. With
 * 32-byte records, every other record then spans two lines, and a need that
 * reads one citizen waits on two memory fetches instead of one (read-ahead
 * brings in the line it touched, not its neighbour). Measured on a million
 * citizens: the routing phase took about 310 ns per need with such memory,
 * 250 ns with aligned memory (docs/performance.md). A WebAssembly memory is mapped on
 * its own pages, so its buffer starts page-aligned; it is used here as plain
 * memory (no WebAssembly code runs), in Node and in browsers alike.
 *
 * Results never depend on where memory starts: only speed does.
 */

/** What this module needs of the WebAssembly API (not in the ES library types). */
interface WasmMemoryApi {
  readonly Memory: new (descriptor: { initial: number; maximum?: number }) => { readonly buffer: ArrayBuffer };
}

const WASM_PAGE_BYTES = 65536;
/**
 * Below this size records stay in cache and alignment matters little; V8
 * reserves address space for each WebAssembly memory (guard regions), so
 * many small ones would be wasteful.
 */
const ALIGN_FROM_BYTES = 1 << 20;
/** WebAssembly memories hold at most 65,536 pages (4 GiB); larger blocks fall back to ArrayBuffer. */
const WASM_MAX_PAGES = 65535;

/**
 * A zeroed buffer of at least `byteLength` bytes whose first byte is
 * page-aligned where the platform allows (else a plain ArrayBuffer; always
 * one below a megabyte). Create views with explicit lengths: the buffer may
 * be longer than asked.
 * @example new Float32Array(recordMemory(1024), 0, 256)
 */
export function recordMemory(byteLength: number): ArrayBuffer {
  const pages = Math.max(1, Math.ceil(byteLength / WASM_PAGE_BYTES));
  const wasm = (globalThis as { WebAssembly?: WasmMemoryApi }).WebAssembly;
  if (byteLength >= ALIGN_FROM_BYTES && wasm !== undefined && pages <= WASM_MAX_PAGES) {
    try {
      return new wasm.Memory({ initial: pages, maximum: pages }).buffer;
    } catch {
      // Out of address space for a WebAssembly memory, or disallowed (a locked-down page): plain memory.
    }
  }
  return new ArrayBuffer(byteLength);
}
