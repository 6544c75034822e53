using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SurrogateService.KrigingBench;

/// <summary>
/// Runs the Python peers in the same run as our measurements: the repository's sklearn_gpr.py on a
/// case written to a JSON file, and the shared branin_peers.py on the notebook case.
/// </summary>
internal sealed class Peers(string python, string gprHelper, string? braninPeers, string workDirectory)
{
    /// <summary>scikit-learn's GaussianProcessRegressor on exactly our training and test points.</summary>
    public Measurement? ScikitLearn(BenchCase benchCase)
    {
        string path = Path.Combine(workDirectory, benchCase.Name + ".json");
        var document = new JsonObject
        {
            ["name"] = benchCase.Name,
            ["trainX"] = Rows(benchCase.Training.Points.ToRows()),
            ["trainY"] = new JsonArray([.. benchCase.Training.Values.Select(v => JsonValue.Create(v))]),
            ["testX"] = Rows(benchCase.Test.ToRows()),
            ["testY"] = new JsonArray([.. benchCase.TestValues.Select(v => JsonValue.Create(v))]),
        };
        File.WriteAllText(path, document.ToJsonString());
        var result = RunJson(gprHelper, path);
        return result is null ? null : new Measurement("scikit-learn GPR",
            result["rmse"]!.GetValue<double>(), result["fitSeconds"]!.GetValue<double>(), result["predictWithStdSeconds"]!.GetValue<double>(),
            result["kernel"]!.GetValue<string>());
    }

    /// <summary>The shared notebook-case script: scikit-learn's GPR and scipy's RBFInterpolator (fit and predict together).</summary>
    public IReadOnlyList<Measurement> NotebookPeers(int n)
    {
        if (braninPeers is null)
            return [];
        var result = RunJson(braninPeers, n.ToString(CultureInfo.InvariantCulture));
        if (result is null)
            return [];
        var gpr = result["sklearn_gpr"]!;
        var peers = new List<Measurement>
        {
            new("scikit-learn GPR (branin_peers.py)", gpr["rmse"]!.GetValue<double>(), gpr["fit_s"]!.GetValue<double>(),
                gpr["predict_with_std_10201_s"]!.GetValue<double>(), gpr["kernel"]!.GetValue<string>()),
        };
        foreach (string kernel in new[] { "linear", "thin_plate_spline", "cubic" })
        {
            var rbf = result[$"scipy_rbf_{kernel}"]!;
            peers.Add(new Measurement($"scipy RBFInterpolator {kernel}", rbf["rmse"]!.GetValue<double>(), double.NaN,
                rbf["fit_predict_s"]!.GetValue<double>(), "fit and predict together"));
        }
        return peers;
    }

    private static JsonArray Rows(double[][] rows) =>
        new([.. rows.Select(row => new JsonArray([.. row.Select(v => JsonValue.Create(v))]))]);

    private JsonNode? RunJson(string script, string argument)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"{Path.GetFileName(script)} failed ({process.ExitCode}): {error.Trim()}");
            return null;
        }
        try
        {
            return JsonNode.Parse(output);
        }
        catch (JsonException parseError)
        {
            Console.Error.WriteLine($"{Path.GetFileName(script)} printed no JSON: {parseError.Message}");
            return null;
        }
    }
}
