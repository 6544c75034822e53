using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>The contract records' XML documentation reaches the served OpenAPI document as schema descriptions.</summary>
public partial class OpenApiDescriptionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Fit_request_is_described_by_its_xml_summary()
    {
        var schemas = await SchemasAsync();
        string description = schemas.GetProperty(nameof(FitRequest)).GetProperty("description").GetString()!;
        Assert.StartsWith(Words(Summaries()[nameof(FitRequest)]), Words(description), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_documented_contract_record_in_the_document_carries_its_summary()
    {
        var schemas = await SchemasAsync();
        var documented = Summaries().Where(s => schemas.TryGetProperty(s.Key, out _)).ToList();
        Assert.NotEmpty(documented);
        Assert.All(documented, s =>
        {
            Assert.True(schemas.GetProperty(s.Key).TryGetProperty("description", out var description), $"{s.Key} has no description");
            Assert.Equal(Words(s.Value), Words(description.GetString()!));
        });
    }

    private async Task<JsonElement> SchemasAsync()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        return document.RootElement.GetProperty("components").GetProperty("schemas").Clone();
    }

    /// <summary>The summaries of the contract types, read from the XML documentation file beside the service's assembly.</summary>
    private static Dictionary<string, string> Summaries()
    {
        var assembly = typeof(FitRequest).Assembly;
        string file = Path.ChangeExtension(assembly.Location, ".xml");
        const string prefix = "T:" + "SurrogateService.Api.Contracts.";
        return XDocument.Load(file).Descendants("member")
            .Where(m => ((string?)m.Attribute("name"))?.StartsWith(prefix, StringComparison.Ordinal) == true && m.Element("summary") is not null)
            .ToDictionary(m => ((string)m.Attribute("name")!)[prefix.Length..], m => m.Element("summary")!.Value);
    }

    /// <summary>The text without markup (XML tags became backticks in the document) and with single spaces.</summary>
    private static string Words(string text) => Whitespace().Replace(text.Replace("`", "", StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
