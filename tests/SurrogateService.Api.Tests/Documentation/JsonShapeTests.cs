using System.Text.Json;

namespace SurrogateService.Api.Tests.Documentation;

/// <summary>The shape check of documented answers accepts what it should and names what it refuses.</summary>
public class JsonShapeTests
{
    [Theory]
    [InlineData("""{"values": [0.4]}""", """{"values": [0.39, 55.6], "standardErrors": null}""")]
    [InlineData("""{"warnings": []}""", """{"warnings": ["a warning"]}""")]
    [InlineData("""[{"name": "branin"}]""", """[{"name": "branin", "dimension": 2}, {"name": "ackley"}]""")]
    [InlineData("""{"incumbent": null, "basis": "observed"}""", """{"incumbent": null, "basis": "observed"}""")]
    public void Answers_with_the_shown_members_match(string shown, string actual) =>
        Assert.Null(Mismatch(shown, actual));

    [Theory]
    [InlineData("""{"values": [0.4]}""", """{"value": 0.4}""", "$.values: missing")]
    [InlineData("""{"points": [[1, 2], [3, 4]]}""", """{"points": [[1, 2]]}""", "$.points: expected at least 2 items, found 1")]
    [InlineData("""{"basis": "observed"}""", """{"basis": "posteriorMean"}""", "$.basis: expected \"observed\", found \"posteriorMean\"")]
    [InlineData("""{"value": 1}""", """{"value": "1"}""", "$.value: expected a number, found String")]
    [InlineData("""{"incumbent": null}""", """{"incumbent": {"value": 1}}""", "$.incumbent: expected null, found {\"value\": 1}")]
    public void Answers_that_differ_are_refused_with_the_path(string shown, string actual, string expected) =>
        Assert.Equal(expected, Mismatch(shown, actual));

    [Fact]
    public void Shown_answers_belong_to_the_curl_call_before_them_and_continue_on_indented_comments()
    {
        var example = new DocumentationExample("doc.md", 1, string.Join('\n',
            "curl $API/a > a.json",
            "# a comment, not an answer",
            "jq . a.json | curl -X POST $API/b -d @-",
            "# → {\"b\": 1,",
            "#    \"c\": 2}",
            "X=$(curl $API/c)",
            "# → [1]"));

        Assert.Equal([(2, "{\"b\": 1, \"c\": 2}"), (3, "[1]")], example.ShownAnswers());
    }

    private static string? Mismatch(string shown, string actual)
    {
        using var shownDocument = JsonDocument.Parse(shown);
        using var actualDocument = JsonDocument.Parse(actual);
        return JsonShape.Mismatch(shownDocument.RootElement, actualDocument.RootElement);
    }
}
