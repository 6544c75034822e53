namespace SurrogateService.Numerics.Options;

/// <summary>
/// Validated option values for one method call; options the caller did not give take the
/// spec's default. Values are stored as double, int, bool, string, double[] or int[].
/// </summary>
public sealed class OptionValues
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    public OptionValues(IReadOnlyList<OptionSpec> specs, IReadOnlyDictionary<string, object>? given = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        foreach (var spec in specs)
            _values[spec.Name] = spec.Default;
        if (given is null)
            return;
        foreach (var (name, value) in given)
        {
            if (!_values.ContainsKey(name))
                throw new ArgumentException($"Unknown option '{name}'.", nameof(given));
            _values[name] = value;
        }
    }

    public static OptionValues Defaults(IReadOnlyList<OptionSpec> specs) => new(specs);

    /// <summary>The values as given or defaulted, for echoing into documents and responses.</summary>
    public IReadOnlyDictionary<string, object> All => _values;

    public double Number(string name) => Convert.ToDouble(Get(name), System.Globalization.CultureInfo.InvariantCulture);

    public int Integer(string name) => Convert.ToInt32(Get(name), System.Globalization.CultureInfo.InvariantCulture);

    public bool Boolean(string name) => (bool)Get(name);

    /// <summary>The string value when the option holds a choice, otherwise null.</summary>
    public string? Text(string name) => Get(name) as string;

    public int[] Integers(string name) => (int[])Get(name);

    /// <summary>A per-dimension vector: a scalar is repeated, an array must have one entry per dimension.</summary>
    public double[] PerDimension(string name, int dimension) => Get(name) switch
    {
        double[] array when array.Length == dimension => (double[])array.Clone(),
        double[] array => throw new ArgumentException($"Option '{name}' has {array.Length} entries, expected {dimension}."),
        string text => throw new ArgumentException($"Option '{name}' is '{text}', not a number."),
        var scalar => Enumerable.Repeat(Convert.ToDouble(scalar, System.Globalization.CultureInfo.InvariantCulture), dimension).ToArray(),
    };

    private object Get(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"Unknown option '{name}'.", nameof(name));
}
