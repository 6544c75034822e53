using System.Text.Json;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Models;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.UmBridge;

/// <summary>
/// The models of the port: every benchmark function under its REST name, <c>acoustic2d</c> (the
/// parametric wave) and <c>surrogate</c> (a model document in config), restricted and ordered by
/// <see cref="UmBridgeOptions.Models"/> when that is set.
/// </summary>
public sealed class UmBridgeCatalog
{
    private readonly Dictionary<string, UmBridgeModel> _byName;

    public UmBridgeCatalog(IOptions<UmBridgeOptions> options, IOptions<LimitsOptions> limits, StoredModelReader stored)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        var all = BenchmarkFunctions.All.Select(Function)
            .Append(new UmBridgeModel(WaveConfigReader.ModelName, Heavy: true, Differentiable: false, config => WaveConfigReader.Read(config, limits.Value)))
            .Append(SurrogateConfigReader.Model(options.Value, limits.Value, stored))
            .ToDictionary(m => m.Name, StringComparer.Ordinal);
        var chosen = options.Value.Models;
        if (chosen.Length == 0)
        {
            Models = [.. all.Values];
        }
        else
        {
            var unknown = chosen.Where(name => !all.ContainsKey(name)).ToArray();
            if (unknown.Length > 0)
                throw new InvalidOperationException($"UmBridge:Models names unknown models ({string.Join(", ", unknown)}); known: {string.Join(", ", all.Keys)}.");
            Models = [.. chosen.Distinct(StringComparer.Ordinal).Select(name => all[name])];
        }
        _byName = Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    /// <summary>The models in the order /Info lists them.</summary>
    public IReadOnlyList<UmBridgeModel> Models { get; }

    /// <exception cref="UmBridgeError">ModelNotFound (names are case-sensitive, as in the protocol's examples).</exception>
    public UmBridgeModel Find(string? name) =>
        name is not null && _byName.TryGetValue(name, out var model)
            ? model
            : throw UmBridgeError.ModelNotFound(name ?? "", _byName.Keys);

    /// <summary>A benchmark function: config { "dimension" } for the d-dimensional ones; heavy when a simulation backs it.</summary>
    private static UmBridgeModel Function(IBenchmarkFunction function) =>
        new(function.Name, Heavy: function is ICostlyFunction, Differentiable: function is IDifferentiableFunction, config =>
        {
            var settings = ConfigObject.Read(config, function.MinDimension == function.MaxDimension ? [] : ["dimension"]);
            int dimension = settings.Integer("dimension", function.DefaultDimension, function.MinDimension, function.MaxDimension);
            return new FunctionModel(function, dimension);
        });
}
