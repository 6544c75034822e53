using System.Globalization;

namespace SurrogateService.KrigingBench;

/// <summary>Command-line settings of the Kriging bench (bench/kriging.sh passes them).</summary>
internal sealed record BenchSettings
{
    /// <summary>Training sizes of the Branin cases; the first is the notebook's 80.</summary>
    public IReadOnlyList<int> BraninSizes { get; init; } = [80, 500, 1000];

    /// <summary>Training points of the Hartmann-6 case; 0 leaves it out.</summary>
    public int HartmannPoints { get; init; } = 200;

    public int HartmannTestPoints { get; init; } = 4096;

    /// <summary>Timed runs per case (after one warm-up); the median is reported.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>Python with scikit-learn, or null to skip the peers.</summary>
    public string? Python { get; init; }

    public string? GprHelper { get; init; }

    public string? BraninPeers { get; init; }

    /// <summary>Training points of issue 20's noisy 4-D case (nearest-neighbour Kriging, CPU seconds); above 0 it is the only case run.</summary>
    public int LargeNoisyPoints { get; init; }

    /// <summary>The large case: "noisy" (4-D, noise "fit") or "borehole" (8-D, exact values).</summary>
    public string LargeCase { get; init; } = "noisy";

    /// <summary>Kriging options (a JSON object) added to the large case's, or null.</summary>
    public string? LargeOptions { get; init; }

    /// <summary>Training points of issue 20's exact-against-nearest-neighbour comparison on the borehole function; above 0 it is the only case run.</summary>
    public int ExactGapPoints { get; init; }

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            settings = args[i] switch
            {
                "--sizes" => settings with { BraninSizes = [.. value.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--hartmann" => settings with { HartmannPoints = int.Parse(value, CultureInfo.InvariantCulture) },
                "--hartmann-test" => settings with { HartmannTestPoints = int.Parse(value, CultureInfo.InvariantCulture) },
                "--repeats" => settings with { Repeats = int.Parse(value, CultureInfo.InvariantCulture) },
                "--python" => settings with { Python = value },
                "--gpr-helper" => settings with { GprHelper = value },
                "--large-noisy" => settings with { LargeNoisyPoints = int.Parse(value, CultureInfo.InvariantCulture) },
                "--large-case" => settings with { LargeCase = value },
                "--large-options" => settings with { LargeOptions = value },
                "--exact-gap" => settings with { ExactGapPoints = int.Parse(value, CultureInfo.InvariantCulture) },
                "--branin-peers" => settings with { BraninPeers = value.Length == 0 ? null : value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return settings;
    }
}
