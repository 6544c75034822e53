using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The design space of a suggestion with its variable kinds: which values a coordinate may take
/// (whole numbers, level indices), the distance of the distance rule, and the encoding the
/// surrogate sees. Without integer or categorical variables every method is the identity of the
/// continuous box, so purely continuous requests behave exactly as before.
/// </summary>
/// <remarks>
/// <para>
/// Encoding: continuous and integer coordinates pass unchanged (an integer is modelled on its line,
/// and the acquisition is only ever evaluated at whole numbers, which is the rounding transformation
/// of Garrido-Merchán &amp; Hernández-Lobato 2020, "Dealing with categorical and integer-valued variables
/// in Bayesian optimization with Gaussian processes", Neurocomputing, doi:10.1016/j.neucom.2019.11.004). A categorical
/// coordinate with L ≥ 3 levels becomes L one-hot coordinates in [0, 1] (their encoding for
/// categories), so no level lies "between" two others and relabelling the levels only permutes
/// coordinates; with L = 2 one 0/1 coordinate carries the same information, and the Kriging
/// distance between the two levels is then one θ whatever their labels (the exchangeable kernel).
/// </para>
/// <para>
/// Distance: a differing category counts as the full width L − 1 of its coordinate, the same for
/// every pair of levels; integers and continuous coordinates count as on the line.
/// </para>
/// </remarks>
internal sealed class VariableSpace
{
    private readonly DesignVariable[] _variables;
    private readonly int[] _encodedOffsets;

    public VariableSpace(Box box, IReadOnlyList<DesignVariable>? variables)
    {
        ArgumentNullException.ThrowIfNull(box);
        Box = box;
        _variables = variables?.ToArray() ?? Enumerable.Repeat(DesignVariable.Continuous, box.Dimension).ToArray();
        IsMixed = Array.Exists(_variables, v => v.Kind != VariableKind.Continuous);
        _encodedOffsets = new int[_variables.Length];
        int offset = 0;
        for (int j = 0; j < _variables.Length; j++)
        {
            _encodedOffsets[j] = offset;
            offset += VariableRules.EncodedWidth(_variables[j]);
        }
        EncodedDimension = offset;
        ContinuousIndices = Enumerable.Range(0, _variables.Length).Where(j => _variables[j].Kind == VariableKind.Continuous).ToArray();
        DiscreteIndices = Enumerable.Range(0, _variables.Length).Where(j => _variables[j].Kind != VariableKind.Continuous).ToArray();
        EncodedBox = Encodes ? EncodeBox() : box;
    }

    public Box Box { get; }

    /// <summary>Whether some coordinate is an integer or a category.</summary>
    public bool IsMixed { get; }

    public int Dimension => _variables.Length;

    /// <summary>The dimension the surrogate sees (categories with three or more levels one-hot encoded).</summary>
    public int EncodedDimension { get; }

    /// <summary>The box of the encoded points.</summary>
    public Box EncodedBox { get; }

    public int[] ContinuousIndices { get; }

    public int[] DiscreteIndices { get; }

    public DesignVariable this[int j] => _variables[j];

    /// <summary>Rounds integer coordinates and level indices to the nearest admissible value inside the box.</summary>
    public void Snap(Span<double> point)
    {
        // + 0 turns a rounded −0 into 0, which a level index or a JSON client should never see.
        foreach (int j in DiscreteIndices)
            point[j] = Math.Clamp(Math.Round(point[j], MidpointRounding.AwayFromZero), Box.Lower[j], Box.Upper[j]) + 0.0;
    }

    /// <summary>The squared distance of the distance rule (see the remarks).</summary>
    public double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (!IsMixed)
            return BoxGeometry.SquaredDistance(a, b);
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double delta = _variables[j].Kind == VariableKind.Categorical
                ? (a[j] == b[j] ? 0 : Box.Upper[j] - Box.Lower[j])
                : a[j] - b[j];
            sum += delta * delta;
        }
        return sum;
    }

    /// <summary>
    /// Scrambled Sobol' points, each discrete coordinate drawn over [lower − ½, upper + ½] and
    /// rounded, so every whole number and every level is equally likely.
    /// </summary>
    public PointSet Candidates(int count, ulong seed)
    {
        var points = SpaceFilling.Candidates(SamplingBox(), count, seed);
        SnapAll(points);
        return points;
    }

    /// <summary>The box with every discrete coordinate widened by ½ on both sides: a plan drawn in it and snapped gives each whole number and level its share.</summary>
    public Box SamplingBox()
    {
        if (!IsMixed)
            return Box;
        var lower = Box.Lower.ToArray();
        var upper = Box.Upper.ToArray();
        foreach (int j in DiscreteIndices)
        {
            lower[j] -= 0.5;
            upper[j] += 0.5;
        }
        return new Box(lower, upper);
    }

    public void SnapAll(PointSet points)
    {
        for (int i = 0; IsMixed && i < points.Count; i++)
            Snap(points[i]);
    }

    /// <summary>
    /// A random move of coordinate <paramref name="j"/> from <paramref name="centre"/> at step
    /// <paramref name="scale"/> (a fraction of the width): Gaussian and reflected for continuous
    /// coordinates, the same rounded for integers, and for a category another level, drawn uniformly,
    /// with probability min(1, 2·scale) (levels have no order, so no step is "short").
    /// </summary>
    public double Perturb(int j, double centre, double scale, DeterministicRandom random)
    {
        double lower = Box.Lower[j], upper = Box.Upper[j];
        var kind = _variables[j].Kind;
        if (kind == VariableKind.Categorical)
        {
            int levels = _variables[j].Levels!.Count;
            if (random.NextDouble() >= Math.Min(1, 2 * scale))
                return centre;
            int other = random.NextInt(levels - 1);
            return other >= (int)centre ? other + 1 : other;
        }
        double moved = BoxGeometry.Reflect(centre + scale * (upper - lower) * random.NextGaussian(), lower, upper);
        return kind == VariableKind.Integer ? Math.Clamp(Math.Round(moved, MidpointRounding.AwayFromZero), lower, upper) + 0.0 : moved;
    }

    /// <summary>The values a local move may give coordinate <paramref name="j"/>: the neighbouring whole numbers, or every other level.</summary>
    public IEnumerable<double> Neighbours(int j, double value)
    {
        if (_variables[j].Kind == VariableKind.Categorical)
        {
            for (int level = 0; level < _variables[j].Levels!.Count; level++)
            {
                if (level != value)
                    yield return level;
            }
            yield break;
        }
        if (value - 1 >= Box.Lower[j])
            yield return value - 1;
        if (value + 1 <= Box.Upper[j])
            yield return value + 1;
    }

    /// <summary>Whether the surrogate sees other coordinates than the design's (a category with three or more levels).</summary>
    public bool Encodes => EncodedDimension != Dimension;

    /// <summary>The points as the surrogate sees them (the same set when nothing is one-hot encoded).</summary>
    public PointSet Encode(PointSet points)
    {
        if (!Encodes)
            return points;
        var encoded = new PointSet(points.Count, EncodedDimension);
        for (int i = 0; i < points.Count; i++)
            EncodeOne(points[i], encoded[i]);
        return encoded;
    }

    /// <summary>The training data as the surrogate sees them.</summary>
    public TrainingSet Encode(TrainingSet data) =>
        Encodes ? new TrainingSet(Encode(data.Points), data.Values, EncodedBox) : data;

    private void EncodeOne(ReadOnlySpan<double> point, Span<double> target)
    {
        target.Clear();
        for (int j = 0; j < _variables.Length; j++)
        {
            int offset = _encodedOffsets[j];
            if (VariableRules.EncodedWidth(_variables[j]) > 1)
                target[offset + (int)point[j]] = 1;
            else
                target[offset] = point[j];
        }
    }

    private Box EncodeBox()
    {
        var lower = new double[EncodedDimension];
        var upper = new double[EncodedDimension];
        for (int j = 0; j < _variables.Length; j++)
        {
            int offset = _encodedOffsets[j], width = VariableRules.EncodedWidth(_variables[j]);
            if (width > 1)
            {
                Array.Fill(upper, 1, offset, width);
                continue;
            }
            lower[offset] = Box.Lower[j];
            upper[offset] = Box.Upper[j];
        }
        return new Box(lower, upper);
    }
}
