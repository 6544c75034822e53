using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Water flow through a borehole (the "borehole function"), 8 inputs in the order
/// (r_w, r, T_u, H_u, T_l, H_l, L, K_w):
/// f = 2π·T_u·(H_u − H_l) / (ln(r/r_w)·(1 + 2·L·T_u/(ln(r/r_w)·r_w²·K_w) + T_u/T_l)), in m³/yr.
/// Domain r_w ∈ [0.05, 0.15], r ∈ [100, 50000], T_u ∈ [63070, 115600], H_u ∈ [990, 1110],
/// T_l ∈ [63.1, 116], H_l ∈ [700, 820], L ∈ [1120, 1680], K_w ∈ [9855, 12045].
/// An engineering model, not an optimisation benchmark: no known minimum is listed.
/// Reference: Harper &amp; Gupta (1983); Surjanovic &amp; Bingham, https://www.sfu.ca/~ssurjano/borehole.html;
/// Surrogates.jl documentation, "Water flow function".
/// </summary>
public sealed class WaterFlow : IBenchmarkFunction
{
    public string Name => "waterFlow";

    public string Description =>
        "Water flow through a borehole, inputs (r_w, r, T_u, H_u, T_l, H_l, L, K_w): 2πT_u(H_u − H_l)/(ln(r/r_w)(1 + 2LT_u/(ln(r/r_w) r_w² K_w) + T_u/T_l)).";

    public int DefaultDimension => 8;

    public int MinDimension => 8;

    public int MaxDimension => 8;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return new Box(
            [0.05, 100, 63070, 990, 63.1, 700, 1120, 9855],
            [0.15, 50000, 115600, 1110, 116, 820, 1680, 12045]);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return [];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireExactly(x.Length, 8);
        double rw = x[0], r = x[1], tu = x[2], hu = x[3], tl = x[4], hl = x[5], length = x[6], kw = x[7];
        double logRatio = Math.Log(r / rw);
        double denominator = logRatio * (1 + 2 * length * tu / (logRatio * rw * rw * kw) + tu / tl);
        return 2 * Math.PI * tu * (hu - hl) / denominator;
    }
}
