using System.Text.Json.Nodes;
using ScaleSim.Laws;

namespace ScaleSim.Tests.Laws;

public class LawFileTests
{
    public static TheoryData<string> PublishedNames => new(PublishedLaws.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(PublishedNames))]
    public void PublishedLawsRoundTripThroughJson(string name)
    {
        var law = PublishedLaws.Find(name)!.Law;
        var copy = LawFile.FromJson(JsonNode.Parse(LawFile.ToJson(law).ToJsonString())!.AsObject(), "test");
        Assert.Equal(law.Kind, copy.Kind);
        Assert.Equal(law.ParameterNames, copy.ParameterNames);
        Assert.Equal(law.ParameterValues, copy.ParameterValues);
    }

    [Fact]
    public void FileWithExtraFieldsReadsAsALaw()
    {
        string path = Path.Combine(Path.GetTempPath(), $"law-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"law":"chinchilla","E":1.8,"A":400,"B":2000,"alpha":0.35,"beta":0.37,"objective":0.001,"ci95":{"E":[1.7,1.9]}}""");
        try
        {
            var law = Assert.IsType<ChinchillaLaw>(LawFile.Resolve(path));
            Assert.Equal(0.37, law.Beta);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("""{"law":"chinchilla","E":1.8,"A":400,"B":2000,"alpha":0.35}""", "field 'beta' missing")]
    [InlineData("""{"law":"chinchilla","E":"x","A":400,"B":2000,"alpha":0.35,"beta":0.3}""", "field 'E' is not a number")]
    [InlineData("""{"law":"gompertz"}""", "unknown law 'gompertz'")]
    [InlineData("""{"E":1}""", "missing field 'law'")]
    [InlineData("""[1,2]""", "expected a JSON object")]
    [InlineData("""{not json""", "not valid JSON")]
    public void BadLawFilesFailWithOneLine(string content, string expected)
    {
        string path = Path.Combine(Path.GetTempPath(), $"law-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        try
        {
            var error = Assert.Throws<InputException>(() => LawFile.Read(path));
            Assert.Contains(expected, error.Message);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void UnknownLawNameSaysWhatIsKnown()
    {
        var error = Assert.Throws<InputException>(() => LawFile.Resolve("no-such-law"));
        Assert.Contains("hoffmann", error.Message);
    }
}
