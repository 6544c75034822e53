using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Tests.LinearAlgebra;

public class SymmetricJacobiTests
{
    [Fact]
    public void A_random_symmetric_matrix_is_rebuilt_from_orthonormal_eigenvectors_in_decreasing_order()
    {
        const int d = 7;
        var random = new DeterministicRandom(11);
        var a = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j <= i; j++)
                a[i * d + j] = a[j * d + i] = random.NextDouble() - 0.5;
        }
        var (values, vectors) = SymmetricJacobi.Decompose(a, d);
        for (int k = 1; k < d; k++)
            Assert.True(values[k] <= values[k - 1]);
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double rebuilt = 0, gram = 0;
                for (int k = 0; k < d; k++)
                {
                    rebuilt += vectors[i * d + k] * values[k] * vectors[j * d + k];
                    gram += vectors[k * d + i] * vectors[k * d + j];
                }
                Assert.Equal(a[i * d + j], rebuilt, 12);
                Assert.Equal(i == j ? 1 : 0, gram, 12);
            }
        }
        // The trace is the sum of the eigenvalues.
        Assert.Equal(Enumerable.Range(0, d).Sum(i => a[i * d + i]), values.Sum(), 12);
    }

    [Fact]
    public void A_two_by_two_matrix_has_its_textbook_eigenpairs()
    {
        // [[2, 1], [1, 2]]: eigenvalues 3 and 1, eigenvectors (1, 1)/√2 and (1, −1)/√2.
        var (values, vectors) = SymmetricJacobi.Decompose(new double[] { 2, 1, 1, 2 }, 2);
        Assert.Equal(3, values[0], 14);
        Assert.Equal(1, values[1], 14);
        Assert.Equal(Math.Abs(vectors[0]), Math.Sqrt(0.5), 14);
        Assert.Equal(vectors[0], vectors[2], 14);
        Assert.Equal(vectors[1], -vectors[3], 14);
    }
}
