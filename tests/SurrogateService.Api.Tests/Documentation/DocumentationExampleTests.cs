using System.Diagnostics;
using System.Text.Json;
using SurrogateService.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SurrogateService.Api.Tests.Documentation;

/// <summary>
/// The documentation's examples run as written: every <c>bash tested</c> block of README.md and docs/*.md
/// runs in bash, with curl and jq, against the service on loopback. A block passes when every command
/// succeeds (curl fails on any status other than 2xx) and every answer shown with <c># →</c> has the
/// documented shape. Needs bash, curl and jq (.ci/run installs them).
/// </summary>
public sealed class DocumentationExampleTests(DocumentationServer server, ITestOutputHelper output) : IClassFixture<DocumentationServer>
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in DocumentationExample.All(RepositoryRoot.Path))
            data.Add(example.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_runs_and_answers_as_shown(string example)
    {
        var block = DocumentationExample.All(RepositoryRoot.Path).Single(candidate => candidate.ToString() == example);
        string work = Directory.CreateTempSubdirectory("surrogateservice-docs-").FullName;
        try
        {
            string answers = Path.Combine(work, ".answers");
            Directory.CreateDirectory(answers);
            string script = Path.Combine(answers, "example.sh");
            await File.WriteAllTextAsync(script, Preamble(answers) + block.Script);
            var (exitCode, text) = await RunBashAsync(work, script);
            output.WriteLine(text);
            Assert.True(exitCode == 0, $"{example} failed (exit code {exitCode}):\n{text}");

            foreach (var (call, json) in block.ShownAnswers())
            {
                string answerFile = Path.Combine(answers, call.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(File.Exists(answerFile), $"{example}: curl call {call} never ran.");
                using var shown = JsonDocument.Parse(json);
                using var actual = JsonDocument.Parse(await File.ReadAllTextAsync(answerFile));
                string? mismatch = JsonShape.Mismatch(shown.RootElement, actual.RootElement);
                Assert.True(mismatch is null, $"{example}, answer of curl call {call}: {mismatch}");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Every_example_that_calls_the_service_is_tested_or_marked_untested()
    {
        Assert.Empty(DocumentationExample.UntaggedServiceCalls(RepositoryRoot.Path));
        Assert.NotEmpty(DocumentationExample.All(RepositoryRoot.Path));
    }

    /// <summary>
    /// Sets the addresses and makes curl fail on any non-2xx answer and keep a copy of every answer it
    /// prints, numbered in call order (a file holds the count, so calls inside $(…) count too).
    /// </summary>
    private string Preamble(string answers) => $$"""
        set -euo pipefail
        export API='{{server.RestAddress}}' UMBRIDGE='{{server.UmBridgeAddress}}'
        echo 0 > '{{answers}}/count'
        curl() {
            local call=$(( $(cat '{{answers}}/count') + 1 ))
            echo "$call" > '{{answers}}/count'
            command curl --fail-with-body --silent --show-error "$@" | tee '{{answers}}/'"$call"
        }

        """;

    private static async Task<(int ExitCode, string Output)> RunBashAsync(string workingDirectory, string script)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await standardOutput + "\nstderr:\n" + await standardError);
    }
}
