using System.Text;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;

namespace Wrapped.Pipeline.Tests.Runs;

public sealed class RunRequestJsonTests
{
    private static RunRequestOverrides Parse(string json) => RunRequestJson.Parse(Encoding.UTF8.GetBytes(json), "run.json");

    private static string Refusal(string json) => Assert.Throws<FeedInputException>(() => Parse(json)).Message;

    [Fact]
    public void Parse_EveryProperty_ReadsItInAnyCase()
    {
        var overrides = Parse("""
            {"dataset":"web","USERS":5,"start":"2024-01-02","end":"2024-02-03","seed":-7,"batchSize":3,"partSize":4,
             "maxParallelBatches":2,"daily":false,"codec":"null","clusters":6}
            """);

        Assert.Equal(new RunRequestOverrides("web", 5, new DateOnly(2024, 1, 2), new DateOnly(2024, 2, 3), -7, 3, 4, 2, false, "null", 6), overrides);
    }

    [Fact]
    public void Parse_EmptyObject_SetsNothing()
    {
        Assert.Equal(new RunRequestOverrides(), Parse("{}"));
    }

    [Fact]
    public void Parse_UnknownProperties_AreRefusedByNameWithTheKnownOnes()
    {
        var message = Refusal("""{"dataset":"web","userz":5,"batch_size":3}""");

        Assert.Contains("run.json", message, StringComparison.Ordinal);
        Assert.Contains("'userz'", message, StringComparison.Ordinal);
        Assert.Contains("'batch_size'", message, StringComparison.Ordinal);
        Assert.Contains("maxParallelBatches", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"users":"many"}""", "'users' must be a whole number")]
    [InlineData("""{"users":99999999999}""", "'users' must be a whole number")]
    [InlineData("""{"start":"01/02/2024"}""", "'start' must be a date")]
    [InlineData("""{"daily":"yes"}""", "'daily' must be true or false")]
    [InlineData("""{"codec":5}""", "'codec' must be a string")]
    public void Parse_ValueOfTheWrongKind_NamesThePropertyWithoutDotNetTypes(string json, string expected)
    {
        var message = Refusal(json);

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("{\"users\": ", "not valid JSON")]
    public void Parse_NotARequest_SaysWhy(string json, string expected)
    {
        Assert.Contains(expected, Refusal(json), StringComparison.Ordinal);
    }
}
