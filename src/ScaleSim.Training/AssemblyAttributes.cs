using System.Runtime.CompilerServices;

// Every stackalloc in this assembly (GEMM edge tiles, GELU tail staging, Markov sequences) is written before it is
// read, so the runtime's zero-fill is wasted work in the hot loops.
[module: SkipLocalsInit]
