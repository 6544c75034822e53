using System.Text.RegularExpressions;

namespace SurrogateService.Api.Tests.Documentation;

/// <summary>
/// One runnable example of the documentation: a fenced block whose info string is <c>bash tested</c>,
/// in README.md or a page under docs/. Its commands run in bash against the service; <c>$API</c> is the
/// REST address and <c>$UMBRIDGE</c> the UM-Bridge port's. A comment line <c># → {json}</c> shows the
/// shape of the answer of the <c>curl</c> just before it (see <see cref="JsonShape"/>); comment lines
/// indented by at least three spaces after the <c>#</c> continue it.
/// </summary>
public sealed partial record DocumentationExample(string File, int Line, string Script)
{
    public const string InfoString = "bash tested";

    /// <summary>The answers each example shows, in order: the index of the curl call (1-based, counted in the text) and the JSON.</summary>
    public IReadOnlyList<(int Call, string Json)> ShownAnswers()
    {
        var answers = new List<(int Call, string Json)>();
        int calls = 0;
        bool continuing = false;
        foreach (string line in Script.Split('\n'))
        {
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("# →", StringComparison.Ordinal))
            {
                if (calls == 0)
                    throw new InvalidOperationException($"{File}:{Line}: an answer is shown before any curl call.");
                answers.Add((calls, trimmed["# →".Length..].Trim()));
                continuing = true;
            }
            else if (continuing && trimmed.StartsWith("#   ", StringComparison.Ordinal))
            {
                answers[^1] = (answers[^1].Call, answers[^1].Json + " " + trimmed[1..].Trim());
            }
            else
            {
                continuing = false;
                if (!trimmed.StartsWith('#'))
                    calls += CurlCall().Count(line);
            }
        }
        return answers;
    }

    /// <summary>Every <c>bash tested</c> block of README.md and docs/*.md.</summary>
    public static IReadOnlyList<DocumentationExample> All(string repositoryRoot)
    {
        var files = new List<string> { Path.Combine(repositoryRoot, "README.md") };
        files.AddRange(Directory.GetFiles(Path.Combine(repositoryRoot, "docs"), "*.md").Order(StringComparer.Ordinal));
        return files.SelectMany(file => Blocks(repositoryRoot, file)).ToList();
    }

    /// <summary>Bash blocks that call the service (mention <c>$API</c> or <c>$UMBRIDGE</c>) but are not tagged: they must be few and deliberate.</summary>
    public static IReadOnlyList<string> UntaggedServiceCalls(string repositoryRoot)
    {
        var files = new List<string> { Path.Combine(repositoryRoot, "README.md") };
        files.AddRange(Directory.GetFiles(Path.Combine(repositoryRoot, "docs"), "*.md"));
        var untagged = new List<string>();
        foreach (string file in files)
        {
            foreach (var (info, line, body) in Fences(file))
            {
                bool callsService = ServiceAddress().IsMatch(body);
                if (callsService && info != InfoString && info != "bash untested")
                    untagged.Add($"{Path.GetRelativePath(repositoryRoot, file)}:{line} ({info})");
            }
        }
        return untagged;
    }

    public override string ToString() => $"{File}:{Line}";

    private static IEnumerable<DocumentationExample> Blocks(string root, string file) =>
        Fences(file)
            .Where(fence => fence.Info == InfoString)
            .Select(fence => new DocumentationExample(Path.GetRelativePath(root, file), fence.Line, fence.Body));

    /// <summary>Fenced blocks: info string, the line of the opening fence, the body.</summary>
    private static IEnumerable<(string Info, int Line, string Body)> Fences(string file)
    {
        string[] lines = System.IO.File.ReadAllLines(file);
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
                continue;
            string info = lines[i][3..].Trim();
            int start = i;
            int end = Array.FindIndex(lines, i + 1, line => line.StartsWith("```", StringComparison.Ordinal));
            if (end < 0)
                throw new InvalidOperationException($"{file}:{start + 1}: the fence is never closed.");
            yield return (info, start + 1, string.Join('\n', lines[(start + 1)..end]));
            i = end;
        }
    }

    [GeneratedRegex(@"(^|[\s|(;&])curl\s")]
    private static partial Regex CurlCall();

    /// <summary><c>$API</c> or <c>$UMBRIDGE</c> as a whole variable name (not <c>$API_APP_ID</c>).</summary>
    [GeneratedRegex(@"\$(API|UMBRIDGE)\b")]
    private static partial Regex ServiceAddress();
}
