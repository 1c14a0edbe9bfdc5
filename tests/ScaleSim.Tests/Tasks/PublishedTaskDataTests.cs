using ScaleSim.Tasks.Published;

namespace ScaleSim.Tests.Tasks;

public class PublishedTaskDataTests
{
    [Fact]
    public void WeiTableOneHasItsTwentyTwoAbilities()
    {
        var rows = EmergentAbilities.Parse(File.ReadAllText(TestData.Path(EmergentAbilities.File)));
        Assert.Equal(22, rows.Count);
        Assert.Equal(9, rows.Count(r => r.Category == "few-shot prompting"));
        var scratchpad = rows.Single(r => r.Ability.StartsWith("Scratchpad"));
        Assert.Equal(8.9e19, scratchpad.Flops);
        Assert.Equal(40e6, scratchpad.Params);
    }

    [Fact]
    public void ReasoningUpliftsAreMeasuredFromGreedy()
    {
        var results = ReasoningMethods.Parse(File.ReadAllText(TestData.Path(ReasoningMethods.File)));
        Assert.Equal(6, results.Select(r => r.Model).Distinct().Count());   // five models and the fine-tuned state of the art
        var uplifts = ReasoningMethods.Uplifts(results);
        var gsm = uplifts.Single(u => u.Model == "code-davinci-002" && u.Method == "DIVERSE" && u.Dataset == "GSM8K");
        Assert.Equal(82.3 - 55.3, gsm.Uplift, 10);
        // Self-consistency on LaMDA's SingleEq is blank in the table, so it has no uplift.
        Assert.DoesNotContain(uplifts, u => u.Model == "LaMDA 137B" && u.Dataset == "SingleEq" && u.Method == "Self-Consistency");
        Assert.DoesNotContain(uplifts, u => u.Method == "fine-tuning");
    }
}
