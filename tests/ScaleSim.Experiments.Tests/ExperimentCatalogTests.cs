using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Tests;

public class ExperimentCatalogTests
{
    /// <summary>The repository's experiments folder, found from the test's working directory.</summary>
    private static string ExperimentsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ScaleSim.sln"))) return Path.Combine(dir.FullName, "experiments");
        throw new InvalidOperationException("no ScaleSim.sln above the test directory");
    }

    [Fact]
    public void EveryCommittedExperimentIsBuiltInAndParsesAsItsKind()
    {
        var committed = Directory.GetFiles(ExperimentsFolder(), "experiment.json", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(Path.GetDirectoryName(f)!)).Order().ToList();
        Assert.Equal(committed, ExperimentCatalog.BuiltIn);
        foreach (var name in committed)
        {
            var experiment = ExperimentCatalog.Resolve(name);
            Assert.Equal(name, experiment.Name);
            Assert.True(experiment is IsoFlopExperiment or SizeSweepExperiment or TrainingGridExperiment or ProtocolLadderExperiment, name);
            // Written back and read again, a definition is the same experiment.
            var again = ExperimentDefinition.Parse(experiment.ToJson(), name);
            Assert.Equal(experiment.ToJson(), again.ToJson());
        }
        Assert.IsType<SizeSweepExperiment>(ExperimentCatalog.Resolve("tiny-addition"));
        Assert.IsType<IsoFlopExperiment>(ExperimentCatalog.Resolve(ExperimentCatalog.Default));
        Assert.IsType<TrainingGridExperiment>(ExperimentCatalog.Resolve("tiny-lr-batch"));
        Assert.IsType<ProtocolLadderExperiment>(ExperimentCatalog.Resolve("kaplan-vs-chinchilla"));
    }

    [Fact]
    public void AnUnknownExperimentIsNamedWithTheBuiltInOnes()
    {
        var error = Assert.Throws<InputException>(() => ExperimentCatalog.Resolve("no-such-experiment"));
        Assert.StartsWith("experiment 'no-such-experiment' is neither a file", error.Message);
        Assert.Contains(ExperimentCatalog.Default, error.Message);
        Assert.StartsWith("--experiment 'no-such-experiment' is neither", error.Rephrase(n => "--" + n));
    }
}
