using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.Numerics.Sensitivity;

/// <summary>
/// Saltelli's sampling scheme: N points of a 2d-dimensional Owen-scrambled Sobol' sequence split
/// into A (first d coordinates) and B (last d); A_B^i is A with column i taken from B. Evaluating
/// f on A, B and every A_B^i gives all the first-order and total indices for N·(d + 2) evaluations.
/// </summary>
internal sealed class SaltelliDesign
{
    private readonly PointSet _a;
    private readonly PointSet _b;

    public SaltelliDesign(Box box, int baseSamples, ulong seed)
    {
        int d = box.Dimension;
        var sobol = new SobolSampling();
        if (2 * d > SobolSampling.MaxDimension)
            throw new ArgumentException($"Saltelli sampling needs a {2 * d}-dimensional Sobol' sequence; at most {SobolSampling.MaxDimension} are available.", nameof(box));
        var options = new OptionValues(sobol.Options, new Dictionary<string, object>
        {
            [SobolSampling.SequenceOption] = "plain",
            [SobolSampling.ScrambleOption] = true,
        });
        var unit = sobol.Sample(baseSamples, Box.Uniform(2 * d, 0, 1), options, seed);
        _a = new PointSet(baseSamples, d);
        _b = new PointSet(baseSamples, d);
        for (int k = 0; k < baseSamples; k++)
        {
            unit[k][..d].CopyTo(_a[k]);
            unit[k][d..].CopyTo(_b[k]);
        }
        box.ScaleFromUnitCube(_a);
        box.ScaleFromUnitCube(_b);
    }

    public PointSet A => _a;

    public PointSet B => _b;

    /// <summary>A with column <paramref name="column"/> replaced by B's.</summary>
    public PointSet Mixed(int column)
    {
        var mixed = new PointSet(_a.Data.ToArray(), _a.Count, _a.Dimension);
        for (int k = 0; k < _a.Count; k++)
            mixed[k][column] = _b[k][column];
        return mixed;
    }
}
