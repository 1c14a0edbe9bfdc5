using ScaleSim.Fitting;
using ScaleSim.Laws;
using ScaleSim.Runs;

namespace ScaleSim.Tests.Fitting;

/// <summary>
/// The published check: Approach 3 on Epoch AI's 240 reconstructed Chinchilla runs must land inside Epoch's 95%
/// intervals (Besiroglu et al. 2024, Table 1) and reach the SciPy peer's objective.
/// </summary>
public class EpochReplicationTests : IClassFixture<EpochReplicationTests.Fixture>
{
    public sealed class Fixture
    {
        public Fixture()
        {
            Runs = RunTableLoader.Load(TestData.Path("chinchilla_epoch_reconstruction.csv")).ExcludeTopLoss(5);
            Data = FitData.FromRuns(Runs);
            Fit = MultiStartFitter.Fit(new ChinchillaLseModel(), Data);
            Bootstrap = BootstrapFit.Run(Fit, Data, resamples: 1000, seed: 0);
        }

        public RunTable Runs { get; }
        public FitData Data { get; }
        public FitResult Fit { get; }
        public BootstrapResult Bootstrap { get; }
    }

    private readonly Fixture _fixture;

    public EpochReplicationTests(Fixture fixture) => _fixture = fixture;

    [Fact]
    public void DroppingTheFiveWorstMatchesEpochsExclusionFlag()
    {
        var raw = RawTable.Read(TestData.Path("chinchilla_epoch_reconstruction.csv"));
        int flag = raw.IndexOf("excluded_by_epoch_top5_loss");
        var keptLines = raw.Rows.Select((row, i) => (row, i)).Where(x => x.row[flag] == "0").Select(x => raw.Lines[x.i]);
        Assert.Equal(keptLines, _fixture.Runs.Lines);
        Assert.Equal(240, _fixture.Runs.Count);
    }

    [Fact]
    public void ReachesAnObjectiveNoWorseThanTheSciPyPeer()
    {
        // The peer (../shared/peers/scipy_chinchilla_peer.py) reaches 1.018274e-3 on the same 240 points.
        Assert.True(_fixture.Fit.Objective <= 1.018274e-3 * (1 + 1e-6), $"objective {_fixture.Fit.Objective:E7}");
        Assert.True(_fixture.Fit.Converged);
        Assert.Equal(4500, _fixture.Fit.Starts);
    }

    [Fact]
    public void EveryParameterLandsInsideEpochsIntervals()
    {
        var law = Assert.IsType<ChinchillaLaw>(_fixture.Fit.Law);
        Assert.InRange(law.E, 1.769, 1.871);
        Assert.InRange(law.A, 285, 744);
        Assert.InRange(law.B, 1042, 5810);
        Assert.InRange(law.Alpha, 0.317, 0.373);
        Assert.InRange(law.Beta, 0.331, 0.415);
    }

    [Fact]
    public void BootstrapIntervalsAgreeWithEpochs()
    {
        // Epoch's point estimates sit inside our intervals, and our interval ends lie within 15% of theirs.
        var epoch = (ChinchillaLaw)PublishedLaws.Epoch.Law;
        var expected = new Dictionary<string, (double Estimate, double Low, double High)>
        {
            ["E"] = (epoch.E, 1.769, 1.871),
            ["alpha"] = (epoch.Alpha, 0.317, 0.373),
            ["beta"] = (epoch.Beta, 0.331, 0.415),
        };
        foreach (var (name, (estimate, low, high)) in expected)
        {
            var interval = _fixture.Bootstrap[name];
            Assert.InRange(estimate, interval.Low, interval.High);
            Assert.InRange(interval.Low, low - 0.15 * (high - low), low + 0.15 * (high - low));
            Assert.InRange(interval.High, high - 0.15 * (high - low), high + 0.15 * (high - low));
        }
        Assert.Equal(1000, _fixture.Bootstrap.Resamples);
    }

    [Fact]
    public void DerivedExponentsHaveIntervalsToo()
    {
        var a = _fixture.Bootstrap["a"];
        var b = _fixture.Bootstrap["b"];
        Assert.Equal(1.0, a.Estimate + b.Estimate, 12);
        Assert.True(a.Low < a.Estimate && a.Estimate < a.High);
        Assert.True(a.StandardError > 0 && a.StandardError < 0.05);
    }

    [Fact]
    public void BootstrapIsReproducibleFromItsSeed()
    {
        var again = BootstrapFit.Run(_fixture.Fit, _fixture.Data, resamples: 50, seed: 7);
        var twice = BootstrapFit.Run(_fixture.Fit, _fixture.Data, resamples: 50, seed: 7, new FitOptions { MaxDegreeOfParallelism = 1 });
        Assert.Equal(again.Samples["alpha"], twice.Samples["alpha"]);
    }
}
