namespace ScaleSim.Fitting;

/// <summary>
/// The lower envelope of loss against compute: the runs no other run beats with less or equal compute. Kaplan et al.
/// (2020, §6) fit L(C) on this frontier; Hoffmann et al. (2022, Approach 1) read the optimal sizes off it.
/// </summary>
public static class ComputeEnvelope
{
    /// <summary>Indices of the envelope points, in increasing compute.</summary>
    public static int[] Indices(IReadOnlyList<double> flops, IReadOnlyList<double> loss)
    {
        if (flops.Count != loss.Count) throw new ArgumentException("flops and loss differ in length");
        var order = Enumerable.Range(0, flops.Count).OrderBy(i => flops[i]).ThenBy(i => loss[i]).ToArray();
        var envelope = new List<int>();
        double best = double.PositiveInfinity;
        foreach (int i in order)
        {
            if (loss[i] < best)
            {
                envelope.Add(i);
                best = loss[i];
            }
        }
        return envelope.ToArray();
    }
}
