using System.Numerics;
using System.Runtime.CompilerServices;

namespace SurrogateService.Numerics.LinearAlgebra;

public sealed partial class Cholesky
{
    /// <summary>Columns of A⁻¹ computed together: wide enough for register strips, small enough to stay in cache.</summary>
    private const int InversePanelWidth = 64;

    /// <summary>
    /// A⁻¹ (n×n, row-major, symmetric) written into <paramref name="inverse"/>, in n³/3 multiply-adds:
    /// a third of a general inverse, twice the factorisation. Large matrices use all cores.
    /// </summary>
    /// <remarks>
    /// Panels of columns J = [j, j + w) are solved on their own: with E the columns J of the identity,
    /// A⁻¹E = L⁻ᵀ(L⁻¹E), and both solves need only rows ≥ j, because L⁻¹E vanishes above row j
    /// (forward substitution) and the lower triangle of A⁻¹ is all that back substitution must
    /// produce there. Lᵀ is first copied into the upper triangle of the output (which the panels
    /// never write), so back substitution reads rows instead of strided columns; at the end the
    /// lower triangle is mirrored over it. Panels are independent, so they run in parallel from
    /// <see cref="ParallelInverseSize"/> on, with the same result.
    /// </remarks>
    public void Inverse(double[] inverse)
    {
        ArgumentNullException.ThrowIfNull(inverse);
        int n = Size;
        if (inverse.Length != n * n)
            throw new ArgumentException($"Expected {n * n} entries, got {inverse.Length}.", nameof(inverse));
        ReadOnlySpan<double> l = _lower;
        for (int i = 0; i < n; i++)
        {
            for (int k = i + 1; k < n; k++)
                inverse[i * n + k] = l[k * n + i];
        }
        int panels = (n + InversePanelWidth - 1) / InversePanelWidth;
        if (n >= ParallelInverseSize)
        {
            Parallel.For(0, panels, () => new double[n * InversePanelWidth], (panel, _, work) =>
            {
                InversePanel(inverse, panel * InversePanelWidth, work);
                return work;
            }, _ => { });
        }
        else
        {
            var work = new double[n * Math.Min(InversePanelWidth, n)];
            for (int panel = 0; panel < panels; panel++)
                InversePanel(inverse, panel * InversePanelWidth, work);
        }
        for (int i = 0; i < n; i++)
        {
            for (int k = i + 1; k < n; k++)
                inverse[i * n + k] = inverse[k * n + i];
        }
    }

    /// <summary>From this size on the panels of <see cref="Inverse"/> run in parallel (below, the cost of fanning out shows).</summary>
    public const int ParallelInverseSize = 384;

    /// <summary>Columns [first, first + w) of A⁻¹, rows ≥ first, into the lower triangle of <paramref name="inverse"/>.</summary>
    private void InversePanel(double[] inverse, int first, double[] work)
    {
        int n = Size;
        int width = Math.Min(InversePanelWidth, n - first);
        int rows = n - first;
        Span<double> w = work.AsSpan(0, rows * width);
        w.Clear();
        for (int c = 0; c < width; c++)
            w[c * width + c] = 1;
        PanelForward(first, w, width);
        PanelBackward(inverse, first, w, width);
        for (int i = 0; i < rows; i++)
        {
            int columns = Math.Min(width, i + 1);
            w.Slice(i * width, columns).CopyTo(inverse.AsSpan((first + i) * n + first, columns));
        }
    }

    /// <summary>W ← L₂₂⁻¹W for the trailing block L₂₂ = L[first.., first..] (row i of W is global row first + i).</summary>
    private void PanelForward(int first, Span<double> w, int width)
    {
        ReadOnlySpan<double> l = _lower;
        int n = Size;
        for (int i = 0; i < n - first; i++)
        {
            int row = first + i;
            SubtractCombination(w, width, i, l.Slice(row * n + first, i), 0);
            Scale(w.Slice(i * width, width), 1 / l[row * n + row]);
        }
    }

    /// <summary>W ← L₂₂⁻ᵀW, reading L₂₂ᵀ by rows from the upper triangle of <paramref name="transposed"/>.</summary>
    private void PanelBackward(ReadOnlySpan<double> transposed, int first, Span<double> w, int width)
    {
        ReadOnlySpan<double> l = _lower;
        int n = Size, rows = n - first;
        for (int i = rows - 1; i >= 0; i--)
        {
            int row = first + i;
            SubtractCombination(w, width, i, transposed.Slice(row * n + row + 1, rows - i - 1), i + 1);
            Scale(w.Slice(i * width, width), 1 / l[row * n + row]);
        }
    }

    /// <summary>
    /// Row <paramref name="target"/> of W −= Σ_k coefficients[k]·(row firstRow + k of W), accumulated in
    /// strips of four SIMD vectors held in registers, so the target row is stored once per strip.
    /// </summary>
    // Vector<T> code (its width is the machine's) is left out of the ReadyToRun image, so without this it would start as tier-0 code with its loops
    // instrumented: a first fit after a start ran 8.5 times slower than the next (issue 25, docs/scaling.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SubtractCombination(Span<double> w, int width, int target, ReadOnlySpan<double> coefficients, int firstRow)
    {
        Span<double> rowT = w.Slice(target * width, width);
        int lanes = Vector<double>.Count;
        int strips = Vector.IsHardwareAccelerated ? width / (4 * lanes) : 0;
        for (int strip = 0; strip < strips; strip++)
        {
            int c = strip * 4 * lanes;
            var a0 = new Vector<double>(rowT[c..]);
            var a1 = new Vector<double>(rowT[(c + lanes)..]);
            var a2 = new Vector<double>(rowT[(c + 2 * lanes)..]);
            var a3 = new Vector<double>(rowT[(c + 3 * lanes)..]);
            for (int k = 0; k < coefficients.Length; k++)
            {
                var factor = new Vector<double>(coefficients[k]);
                ReadOnlySpan<double> rowK = w.Slice((firstRow + k) * width + c, 4 * lanes);
                a0 -= factor * new Vector<double>(rowK);
                a1 -= factor * new Vector<double>(rowK[lanes..]);
                a2 -= factor * new Vector<double>(rowK[(2 * lanes)..]);
                a3 -= factor * new Vector<double>(rowK[(3 * lanes)..]);
            }
            a0.CopyTo(rowT[c..]);
            a1.CopyTo(rowT[(c + lanes)..]);
            a2.CopyTo(rowT[(c + 2 * lanes)..]);
            a3.CopyTo(rowT[(c + 3 * lanes)..]);
        }
        int done = strips * 4 * lanes;
        if (done < width)
        {
            Span<double> rest = rowT[done..];
            for (int k = 0; k < coefficients.Length; k++)
                VectorKernels.AddScaled(rest, -coefficients[k], w.Slice((firstRow + k) * width + done, width - done));
        }
    }
}
