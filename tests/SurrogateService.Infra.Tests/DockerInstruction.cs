namespace SurrogateService.Infra.Tests;

/// <summary>One Dockerfile instruction (continuation lines joined), e.g. <c>EXPOSE</c> with <c>8080</c>.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments)
{
    public static IReadOnlyList<DockerInstruction> ReadAll(string path)
    {
        var instructions = new List<DockerInstruction>();
        var pending = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            pending += line.TrimEnd('\\') + " ";
            if (line.EndsWith('\\'))
                continue;
            var parts = pending.Trim().Split(' ', 2);
            instructions.Add(new DockerInstruction(parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : ""));
            pending = "";
        }
        return instructions;
    }
}
