namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// Token plus position embedding: x[b,t] = wte[token[b,t]] + wpe[t]. Backward: dwpe[t] = Σ_b dx[b,t] (overwritten)
/// and dwte[token] += dx (added to the output head's gradient, which the classifier wrote first). The scatter-add
/// into dwte is split over column blocks, each walking every row in order, so it is deterministic.
/// </summary>
internal static unsafe class EncoderOp
{
    public const int RowsPerChunk = 32;
    public const int ColumnsPerChunk = 16;

    public sealed class ForwardWork : ParallelWork
    {
        public float* Output, TokenEmbedding, PositionEmbedding;
        public int* Tokens;
        public int Rows, Context, C;

        public void Run(WorkerPool pool) => pool.Run(this, (Rows + RowsPerChunk - 1) / RowsPerChunk);

        public override void Execute(int chunk, int worker)
        {
            int r1 = Math.Min(Rows, (chunk + 1) * RowsPerChunk);
            for (int r = chunk * RowsPerChunk; r < r1; r++)
            {
                VectorMath.Add(TokenEmbedding + (nint)Tokens[r] * C, PositionEmbedding + (nint)(r % Context) * C, Output + (nint)r * C, C);
            }
        }
    }

    /// <summary>Chunks [0, Context) compute dwpe rows; chunks after that scatter one column block each into dwte.</summary>
    public sealed class BackwardWork : ParallelWork
    {
        public float* DTokenEmbedding, DPositionEmbedding, DOutput;
        public int* Tokens;
        public int Rows, Context, C;

        private int ColumnChunks => (C + ColumnsPerChunk - 1) / ColumnsPerChunk;

        public void Run(WorkerPool pool) => pool.Run(this, Context + ColumnChunks);

        public override void Execute(int chunk, int worker)
        {
            if (chunk < Context)
            {
                int t = chunk;
                float* dst = DPositionEmbedding + (nint)t * C;
                new Span<float>(dst, C).Clear();
                for (int r = t; r < Rows; r += Context) VectorMath.AddTo(DOutput + (nint)r * C, dst, C);
                return;
            }

            int c0 = (chunk - Context) * ColumnsPerChunk, width = Math.Min(ColumnsPerChunk, C - c0);
            for (int r = 0; r < Rows; r++)
            {
                VectorMath.AddTo(DOutput + (nint)r * C + c0, DTokenEmbedding + (nint)Tokens[r] * C + c0, width);
            }
        }
    }
}
