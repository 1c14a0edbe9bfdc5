namespace ScaleSim.Planning;

/// <summary>What a training budget costs in accelerator time.</summary>
/// <param name="Flops">Training compute C.</param>
/// <param name="PeakFlopsPerSecond">Peak throughput of one accelerator.</param>
/// <param name="Mfu">Model FLOPs utilisation: the fraction of the peak a run achieves.</param>
/// <param name="AcceleratorHours">Accelerator-hours: C / (peak · MFU) / 3600.</param>
/// <param name="Accelerators">How many accelerators run at once, when given.</param>
/// <param name="WallClockDays">Days from start to end on that many accelerators, when given.</param>
public sealed record TrainingCost(double Flops, double PeakFlopsPerSecond, double Mfu, double AcceleratorHours, int? Accelerators, double? WallClockDays)
{
    /// <summary>
    /// The default MFU, 0.4: PaLM reports 46.2% MFU for its 540B model and 21–33% for GPT-3, Gopher and MT-NLG
    /// (Chowdhery et al. 2022, Table 3); 40% is what a well-tuned large dense run reaches today, so plans at this default
    /// are neither best case nor worst.
    /// </summary>
    public const double DefaultMfu = 0.4;

    /// <summary>The cost of <paramref name="flops"/> at <paramref name="mfu"/> of <paramref name="peakFlopsPerSecond"/>, on <paramref name="accelerators"/> at once if given.</summary>
    public static TrainingCost Of(double flops, double peakFlopsPerSecond, double mfu = DefaultMfu, int? accelerators = null)
    {
        if (!double.IsFinite(flops) || flops <= 0) throw InputException.About($"{InputName.Of("flops")} must be a positive finite number, got {flops}");
        if (!double.IsFinite(peakFlopsPerSecond) || peakFlopsPerSecond <= 0)
            throw InputException.About($"{InputName.Of("peak_flops")} must be a positive number of FLOP/s, got {peakFlopsPerSecond}");
        if (!double.IsFinite(mfu) || mfu <= 0 || mfu > 1) throw InputException.About($"{InputName.Of("mfu")} must be in (0, 1], got {mfu}");
        if (accelerators is <= 0) throw InputException.About($"{InputName.Of("gpus")} must be a positive count, got {accelerators}");
        // Time = work / achieved rate; achieved rate = MFU · peak (Chowdhery et al. 2022, Appendix B's definition of MFU).
        double hours = flops / (peakFlopsPerSecond * mfu) / 3600.0;
        return new TrainingCost(flops, peakFlopsPerSecond, mfu, hours, accelerators, accelerators is { } k ? hours / k / 24.0 : null);
    }
}
